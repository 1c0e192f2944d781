// When a captured meeting or message happened, as the touch records it: the wall-clock time in the
// user's time zone, 'YYYY-MM-DDTHH:MM' (or 'YYYY-MM-DD' for an all-day event). The scoring reads
// the first ten characters, so a meeting at 23:30 UTC is the next day for a CSM in Berlin.
//
// Readers hand over one of four shapes: an instant (a UTC time, a Date header), a wall-clock time
// in a named zone whose definition was not in the file (converted here with the platform's IANA
// data; Windows names through CLDR's table), a floating time (no zone: it means the reader's own),
// or a date. Pure: the zone to show in is passed in, nothing reads the clock.
import { WINDOWS_TO_IANA } from './windows-zones';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type ItemTime =
  | { kind: 'instant'; ms: number }
  | { kind: 'zoned'; wall: WallTime; zone: string }
  | { kind: 'floating'; wall: WallTime }
  | { kind: 'date'; date: string };

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    formats.set(zone, format);
  }
  return format;
}

/** Whether the platform knows this IANA zone ('Europe/Berlin'). */
export const isKnownTimeZone = (zone: string): boolean => formatFor(zone) !== null;

/** An IANA zone for a TZID as calendars write it: IANA itself, a Windows name, or null. */
export function resolveZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^\/+/, '');
  if (isKnownTimeZone(name)) return name;
  const windows = WINDOWS_TO_IANA[name];
  return windows && isKnownTimeZone(windows) ? windows : null;
}

function partsAt(ms: number, zone: string): WallTime {
  const format = formatFor(zone) ?? formatFor('UTC')!;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/**
 * Each zone's UTC offset per quarter hour (offsets change on quarter-hour boundaries): a mailbox of
 * 10,000 messages asks Intl a few hundred times instead of 10,000.
 */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 15 * 60_000;

/** The wall-clock time at an instant in a zone. */
export function wallTimeAt(ms: number, zone: string): WallTime {
  let byQuarter = offsets.get(zone);
  if (!byQuarter) offsets.set(zone, (byQuarter = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR;
    offset = wallAsUtc(partsAt(start, zone)) - start;
    if (byQuarter.size > 50_000) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  const d = new Date(ms + offset);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const wallAsUtc = (w: WallTime): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/**
 * The instant a wall-clock time in a zone names. In a spring-forward gap the time is read with the
 * offset before the change (as calendars do); in the autumn overlap, the first of the two.
 */
export function instantOf(wall: WallTime, zone: string): number {
  const guess = wallAsUtc(wall);
  const offsetAt = (ms: number) => wallAsUtc(wallTimeAt(ms, zone)) - Math.floor(ms / 1000) * 1000;
  // The offsets a day before and after: the same except around a change.
  const before = guess - offsetAt(guess - 86_400_000);
  const after = guess - offsetAt(guess + 86_400_000);
  if (before === after) return before;
  const names = (ms: number) => wallAsUtc(wallTimeAt(ms, zone)) === guess;
  const candidates = [before, after].filter(names);
  // Both name it: the autumn overlap, take the first. Neither: the spring gap, read the wall time
  // with the offset that applied before the change.
  return candidates.length ? Math.min(...candidates) : before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const formatWall = (w: WallTime): string => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;

/** The instant of an item time, when it has one (a floating time takes the user's zone). */
export function instantOfItem(time: ItemTime, userZone: string): number | null {
  switch (time.kind) {
    case 'instant':
      return time.ms;
    case 'zoned': {
      const zone = resolveZone(time.zone);
      return instantOf(time.wall, zone ?? userZone);
    }
    case 'floating':
      return instantOf(time.wall, userZone);
    case 'date':
      return null;
  }
}

/** 'YYYY-MM-DDTHH:MM' in the user's zone, or 'YYYY-MM-DD' for a date. */
export function occurredAtOf(time: ItemTime, userZone: string): string {
  if (time.kind === 'date') return time.date;
  if (time.kind === 'floating') return formatWall(time.wall);
  return formatWall(wallTimeAt(instantOfItem(time, userZone)!, userZone));
}

/** A zone the platform knows, else UTC (a stored setting from another machine may not exist here). */
export const usableZone = (zone: string | null | undefined): string => (zone && isKnownTimeZone(zone) ? zone : 'UTC');
