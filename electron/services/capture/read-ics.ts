// Meetings from an iCalendar file (.ics: Google Calendar, Outlook/Exchange, Apple Calendar,
// Thunderbird) with ical.js: every VEVENT, each occurrence of a recurring one up to the as-of date
// (RRULE/RDATE/EXDATE, moved and cancelled occurrences from RECURRENCE-ID overrides). Time zones
// come from the file's VTIMEZONE blocks — Outlook names them the Windows way ("W. Europe Standard
// Time") and defines them there; a TZID the file does not define is read as an IANA or Windows name
// by shared/capture/time.ts.
//
// A file that ical.js refuses as a whole (a broken line, an unclosed component) is read again event
// by event, so one broken event is reported and the others still land.
import crypto from 'node:crypto';
import ICAL from 'ical.js';
import { normalizeEmail } from '../../../shared/capture/addresses';
import type { ItemTime } from '../../../shared/capture/time';
import type { CapturedItem, CaptureProblem, Participant } from '../../../shared/capture/types';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;

/** Occurrences of one series at most (a daily meeting for eight years); later ones are not read. */
export const MAX_OCCURRENCES = 3000;

export interface IcsItem {
  item: CapturedItem;
  /** The event's DESCRIPTION (kept only when Settings allow). */
  description: string;
}

export interface IcsRead {
  items: IcsItem[];
  problems: CaptureProblem[];
  /** Occurrences after the as-of date that were not expanded (recurring series). */
  later: number;
}

const firstLine = (text: string) => text.split(/\r?\n/)[0]?.slice(0, 80) ?? '';

/** Parses the whole file, or — when that fails — each VEVENT on its own with the file's time zones. */
function parseCalendar(text: string, file: string, problems: CaptureProblem[]): Component[] {
  try {
    const parsed = ICAL.parse(text);
    const roots = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
    const calendars = roots.map((jcal) => new ICAL.Component(jcal as never)).filter((c) => c.name === 'vcalendar');
    if (!calendars.length) {
      problems.push({ file, item: '', reason: `it holds no calendar (it starts with "${firstLine(text)}"). Export the calendar again as .ics.` });
    }
    return calendars;
  } catch (err) {
    const whole = (err as Error).message;
    const blocks = componentBlocks(text);
    if (!blocks.events.length) {
      problems.push({ file, item: '', reason: `it is not a calendar ical.js can read (${whole}). Export the calendar again as .ics.` });
      return [];
    }
    const calendars: Component[] = [];
    for (const event of blocks.events) {
      const wrapped = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...blocks.header, ...blocks.timezones.flat(), ...event.lines, 'END:VCALENDAR'].join('\r\n');
      try {
        calendars.push(new ICAL.Component(ICAL.parse(wrapped) as never));
      } catch (eventErr) {
        const summary = event.lines.find((l) => /^SUMMARY[;:]/i.test(l))?.replace(/^SUMMARY[^:]*:/i, '');
        problems.push({
          file,
          item: `event ${summary ? `“${summary.slice(0, 80)}” ` : ''}at line ${event.line}`,
          reason: `it cannot be read (${(eventErr as Error).message}); the other events were read`,
        });
      }
    }
    return calendars;
  }
}

/**
 * The file cut at its BEGIN/END lines (after unfolding): the VTIMEZONE and VEVENT blocks and the
 * calendar's own properties — only so ical.js can parse each event on its own.
 */
function componentBlocks(text: string) {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const header: string[] = [];
  const timezones: string[][] = [];
  const events: { line: number; lines: string[] }[] = [];
  let current: { kind: string; depth: number; line: number; lines: string[] } | null = null;
  lines.forEach((line, i) => {
    const begin = /^BEGIN:(\w[\w-]*)/i.exec(line);
    const end = /^END:(\w[\w-]*)/i.exec(line);
    if (!current) {
      if (begin && /^(VEVENT|VTIMEZONE)$/i.test(begin[1])) current = { kind: begin[1].toUpperCase(), depth: 1, line: i + 1, lines: [line] };
      else if (begin && begin[1].toUpperCase() === 'VEVENT') current = null;
      else if (/^(METHOD|X-WR-CALNAME|X-WR-TIMEZONE|PRODID)[;:]/i.test(line)) header.push(line);
      return;
    }
    if (begin && begin[1].toUpperCase() === current.kind) {
      // A new component of the same kind before the last one ended: the last one is broken.
      if (current.kind === 'VEVENT') events.push({ line: current.line, lines: current.lines });
      current = { kind: current.kind, depth: 1, line: i + 1, lines: [line] };
      return;
    }
    current.lines.push(line);
    if (begin) current.depth++;
    if (end) current.depth--;
    if (current.depth === 0) {
      if (current.kind === 'VTIMEZONE') timezones.push(current.lines);
      else events.push({ line: current.line, lines: current.lines });
      current = null;
    }
  });
  if (current) events.push({ line: (current as { line: number }).line, lines: (current as { lines: string[] }).lines });
  return { header, timezones, events };
}

/** The item time of an ical.js time, given the TZID its property named. */
function itemTime(time: Time, tzid: string | null): ItemTime {
  if (time.isDate) {
    return { kind: 'date', date: `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}` };
  }
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
  if (time.zone && time.zone.tzid !== 'floating') return { kind: 'instant', ms: time.toUnixTime() * 1000 };
  // Named but not defined in the file: read by name; no name at all: floating (the user's zone).
  return tzid ? { kind: 'zoned', wall, zone: tzid } : { kind: 'floating', wall };
}

const startTzid = (component: Component): string | null => {
  const value = component.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof value === 'string' ? value : null;
};

function participantsOf(component: Component): Participant[] {
  const out: Participant[] = [];
  const organizer = component.getFirstProperty('organizer');
  const add = (prop: ReturnType<Component['getFirstProperty']>, role: Participant['role']) => {
    if (!prop) return;
    const email = normalizeEmail(String(prop.getFirstValue() ?? '')) ?? normalizeEmail(String(prop.getParameter('email') ?? ''));
    if (!email) return;
    const cn = prop.getParameter('cn');
    const partstat = String(prop.getParameter('partstat') ?? '').toUpperCase();
    out.push({ email, name: typeof cn === 'string' ? cn : null, role, ...(partstat === 'DECLINED' ? { declined: true } : {}) });
  };
  add(organizer, 'organizer');
  for (const attendee of component.getAllProperties('attendee')) add(attendee, 'attendee');
  return out;
}

const isCancelled = (component: Component) => String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

const utcStamp = (time: Time): string =>
  time.isDate ? time.toICALString() : time.convertToZone(ICAL.Timezone.utcTimezone).toICALString();

function labelOf(summary: string, time: Time): string {
  const date = `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  return `event ${summary ? `“${summary.slice(0, 80)}” ` : ''}on ${date}`;
}

function refOf(event: IcalEvent, component: Component): string {
  const uid = event.uid?.trim();
  if (uid) return uid;
  // No UID (a hand-written file): the same event still gets the same reference every time.
  const basis = [component.getFirstPropertyValue('summary'), component.getFirstPropertyValue('dtstart')?.toString(), component.getFirstPropertyValue('organizer')].join('|');
  return `sha1:${crypto.createHash('sha1').update(basis).digest('hex')}`;
}

/**
 * Reads every meeting of an .ics file, each occurrence of a recurring one whose start is on or
 * before `until` (YYYY-MM-DD, the as-of date; a day's margin since zones shift dates).
 */
export function readIcs(text: string, file: string, until: string): IcsRead {
  const problems: CaptureProblem[] = [];
  const items: IcsItem[] = [];
  let later = 0;
  const untilTime = ICAL.Time.fromDateString(until);
  untilTime.adjust(1, 0, 0, 0);

  for (const calendar of parseCalendar(text, file, problems)) {
    const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
    const calName = calendar.getFirstPropertyValue('x-wr-calname');
    const owner = normalizeEmail(typeof calName === 'string' ? calName : null);
    const vevents = calendar.getAllSubcomponents('vevent');
    // Masters first, then their overrides (RECURRENCE-ID) attached to them.
    const masters = new Map<string, IcalEvent>();
    const orphans: Component[] = [];
    for (const component of vevents) {
      if (component.hasProperty('recurrence-id')) continue;
      try {
        const event = new ICAL.Event(component);
        masters.set(event.uid ?? `#${masters.size}`, event);
      } catch (err) {
        problems.push({ file, item: 'an event', reason: `it cannot be read (${(err as Error).message})` });
      }
    }
    for (const component of vevents) {
      if (!component.hasProperty('recurrence-id')) continue;
      const master = masters.get(String(component.getFirstPropertyValue('uid') ?? ''));
      if (master?.isRecurring()) master.relateException(component);
      else orphans.push(component);
    }

    const emit = (event: IcalEvent, component: Component, start: Time, recurrenceId: Time | null, base: Component) => {
      const summary = String(component.getFirstPropertyValue('summary') ?? base.getFirstPropertyValue('summary') ?? '').trim();
      const own = participantsOf(component);
      items.push({
        item: {
          kind: 'meeting',
          ref: recurrenceId ? `${refOf(event, base)};RECURRENCE-ID=${utcStamp(recurrenceId)}` : refOf(event, base),
          label: labelOf(summary, start),
          summary,
          time: itemTime(start, startTzid(component) ?? startTzid(base)),
          // An override that lists nobody keeps the series' people.
          participants: own.length ? own : participantsOf(base),
          cancelled: method === 'CANCEL' || isCancelled(component) || isCancelled(base),
          owner,
        },
        description: String(component.getFirstPropertyValue('description') ?? base.getFirstPropertyValue('description') ?? ''),
      });
    };

    for (const event of masters.values()) {
      const component = event.component;
      try {
        if (!component.hasProperty('dtstart')) {
          const summary = String(component.getFirstPropertyValue('summary') ?? '');
          problems.push({ file, item: `event ${summary ? `“${summary.slice(0, 80)}”` : `with UID ${event.uid ?? '(none)'}`}`, reason: 'it has no start date (DTSTART), so it cannot be dated' });
          continue;
        }
        if (!event.isRecurring()) {
          emit(event, component, event.startDate, null, component);
          continue;
        }
        const iterator = event.iterator();
        let count = 0;
        for (let next = iterator.next(); next; next = iterator.next()) {
          if (next.compare(untilTime) > 0) {
            later++;
            break;
          }
          if (++count > MAX_OCCURRENCES) {
            problems.push({ file, item: labelOf(event.summary, event.startDate), reason: `it repeats more than ${MAX_OCCURRENCES} times before today; only the first ${MAX_OCCURRENCES} occurrences were read` });
            break;
          }
          const details = event.getOccurrenceDetails(next);
          emit(event, details.item.component, details.startDate, details.recurrenceId, component);
        }
      } catch (err) {
        problems.push({ file, item: labelOf(event.summary ?? '', event.startDate ?? untilTime), reason: `it cannot be read (${(err as Error).message})` });
      }
    }
    for (const component of orphans) {
      try {
        const event = new ICAL.Event(component);
        emit(event, component, event.startDate, event.recurrenceId, component);
      } catch (err) {
        problems.push({ file, item: 'a moved occurrence', reason: `it cannot be read (${(err as Error).message})` });
      }
    }
  }
  return { items, problems, later };
}
