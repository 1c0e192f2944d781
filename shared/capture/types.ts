// What the capture readers (electron/services/capture/read-*.ts) hand to the pure matching: one
// meeting occurrence or one message, reduced to what Tend may keep and needs to match. Attachments
// never get this far.
import type { ItemTime } from './time';

export type ParticipantRole = 'organizer' | 'attendee' | 'from' | 'to' | 'cc';

export interface Participant {
  /** Normalised (shared/capture/addresses.ts normalizeEmail). */
  email: string;
  /** The display name as the file wrote it, if any. */
  name: string | null;
  role: ParticipantRole;
  /** A meeting attendee who declined (PARTSTAT=DECLINED). */
  declined?: boolean;
}

export type CapturedKind = 'meeting' | 'email';

export interface CapturedItem {
  kind: CapturedKind;
  /** The touch's external reference: iCalendar UID (+ recurrence id) or Message-ID. */
  ref: string;
  /** How the file names this item, for messages: 'message 12 “Re: Renewal”', 'event “Weekly sync” on 2026-10-05'. */
  label: string;
  /** Title or subject ('' when there is none). */
  summary: string;
  /** Null when the item has no usable date (it is reported, not logged). */
  time: ItemTime | null;
  participants: Participant[];
  /** STATUS:CANCELLED (or METHOD:CANCEL). */
  cancelled?: boolean;
  /** The calendar's owner, when the file says (Google writes it as X-WR-CALNAME). */
  owner?: string | null;
}

/** A contact card (.vcf), as read. */
export interface CapturedCard {
  /** 'card 3 “Dana Ruiz”'. */
  label: string;
  name: string;
  /** Every address on the card, normalised, work addresses first. */
  emails: string[];
  title: string | null;
  org: string | null;
  /** The card's URL, if any (a domain hint). */
  url: string | null;
}

/** A file or an item in one that could not be read: reported, never fatal to the rest. */
export interface CaptureProblem {
  file: string;
  /** 'message 37', 'event “QBR”', or '' for the whole file. */
  item: string;
  reason: string;
}
