// The snooze choices offered everywhere (Today, an account's tasks, flags): tomorrow, next week, or
// a date. "Next week" is the next Monday at least two days away (on a Sunday: the Monday after).
import { addDays, toDayNumber } from '../dates';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 0 = Sunday … 6 = Saturday (day numbers count from 1970-01-01, a Thursday). */
export function weekday(iso: string): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

/** "Wed 25 Nov". */
export function shortDate(iso: string): string {
  return `${WEEKDAYS[weekday(iso)]} ${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
}

export function nextWeek(asOf: string): string {
  let ahead = (8 - weekday(asOf)) % 7 || 7; // days to the next Monday
  if (ahead < 2) ahead += 7;
  return addDays(asOf, ahead);
}

export interface SnoozeChoice {
  key: 'tomorrow' | 'next_week';
  label: string;
  until: string;
}

export function snoozeChoices(asOf: string): SnoozeChoice[] {
  const tomorrow = addDays(asOf, 1);
  const week = nextWeek(asOf);
  return [
    { key: 'tomorrow', label: `Tomorrow · ${shortDate(tomorrow)}`, until: tomorrow },
    { key: 'next_week', label: `Next week · ${shortDate(week)}`, until: week },
  ];
}
