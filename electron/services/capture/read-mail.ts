// Messages from .eml files, .mbox mailboxes and Outlook .msg files. postal-mime parses every
// message (headers, encoded words, multipart bodies); mbox-reader streams a mailbox one message at
// a time (a 100 MB export is never held whole); @kenjiuno/msgreader opens Outlook's compound files.
//
// Only what capture keeps is taken out: subject, date, Message-ID, the people, and — on request,
// for the touch's notes or a signature's title — the plain-text body. Attachments are never read
// into anything: the body is parsed from at most the first BODY_BYTES of a message.
import crypto from 'node:crypto';
import fs from 'node:fs';
import MsgReader from '@kenjiuno/msgreader';
import { mboxReader } from 'mbox-reader';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { normalizeEmail } from '../../../shared/capture/addresses';
import type { CapturedItem, Participant } from '../../../shared/capture/types';
import type { ReadSink } from './read';

/** A message's body is read from at most this many bytes (its text comes before attachments). */
export const BODY_BYTES = 256 * 1024;

/** Where a message's header block ends (after the first empty line), or -1. */
function headerEnd(buf: Buffer): number {
  const lf = buf.indexOf('\n\n');
  const crlf = buf.indexOf('\n\r\n');
  if (lf < 0 && crlf < 0) return -1;
  return lf >= 0 && (crlf < 0 || lf < crlf) ? lf + 2 : crlf + 3;
}

/** Binary data (a renamed image, a zip) is not a message: NUL bytes never occur in one. */
const looksBinary = (buf: Buffer): boolean => buf.subarray(0, 8192).indexOf(0) >= 0;

const mailboxes = (addresses: Address[] | Address | undefined): { name: string; address: string }[] => {
  const list = addresses === undefined ? [] : Array.isArray(addresses) ? addresses : [addresses];
  return list.flatMap((a) => (a.group ? a.group : [a])).filter((a) => !!a.address);
};

function participantsOf(email: Email): Participant[] {
  const out: Participant[] = [];
  const add = (addresses: Address[] | Address | undefined, role: Participant['role']) => {
    for (const a of mailboxes(addresses)) {
      const address = normalizeEmail(a.address);
      if (address) out.push({ email: address, name: a.name || null, role });
    }
  };
  add(email.from, 'from');
  add(email.to, 'to');
  add(email.cc, 'cc');
  add(email.bcc, 'cc');
  return out;
}

const isMessage = (email: Email) => !!(email.from || email.messageId || email.date || email.subject !== undefined);

/** The reference of a message: its Message-ID, else a hash of who, when and what. */
function refOf(email: Email, when: string): string {
  const id = email.messageId?.trim();
  if (id) return id.startsWith('<') ? id : `<${id}>`;
  const from = mailboxes(email.from)[0]?.address ?? '';
  return `sha1:${crypto.createHash('sha1').update(`${from}|${when}|${email.subject ?? ''}`).digest('hex')}`;
}

export type MessageOutcome = { item: CapturedItem } | { problem: string };

/**
 * The captured item of a parsed header block. `fallbackTime` is the mbox From_ line's time, used
 * when the message has no Date header.
 */
export function messageItem(email: Email, label: string, fallbackTime?: Date | false): MessageOutcome {
  if (!isMessage(email)) return { problem: 'it is not an e-mail message (no From, Date, Subject or Message-ID header)' };
  const subject = (email.subject ?? '').replace(/\s+/g, ' ').trim();
  const named = `${label}${subject ? ` “${subject.slice(0, 80)}”` : ''}`;
  let ms = email.date ? Date.parse(email.date) : NaN;
  if (Number.isNaN(ms) && fallbackTime) ms = fallbackTime.getTime();
  const item: CapturedItem = {
    kind: 'email',
    ref: refOf(email, Number.isNaN(ms) ? '' : new Date(ms).toISOString()),
    label: named,
    summary: subject,
    time: Number.isNaN(ms) ? null : { kind: 'instant', ms },
    participants: participantsOf(email),
  };
  return { item };
}

/** Plain text of a message: its text/plain part, else its HTML with the tags taken out. */
export function plainText(email: Email): string {
  if (email.text?.trim()) return email.text;
  if (!email.html) return '';
  return email.html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

async function bodyOf(raw: Buffer): Promise<string> {
  const email = await PostalMime.parse(raw.length > BODY_BYTES ? raw.subarray(0, BODY_BYTES) : raw, { attachmentEncoding: 'arraybuffer', maxRfc822NestingDepth: 0 });
  return plainText(email);
}

/** Reads one RFC 822 message (an .eml file or a message of a mailbox) and hands it to the sink. */
async function readMessage(raw: Buffer, file: string, label: string, sink: ReadSink, fallbackTime?: Date | false): Promise<void> {
  if (looksBinary(raw)) {
    sink.problem({ file, item: label, reason: 'it is not an e-mail message: it holds binary data (perhaps another kind of file renamed). Save the message again from your mail program as .eml' });
    return;
  }
  const end = headerEnd(raw);
  const email = await PostalMime.parse(end > 0 ? raw.subarray(0, end) : raw);
  const outcome = messageItem(email, label, fallbackTime);
  if ('problem' in outcome) {
    sink.problem({ file, item: label, reason: outcome.problem });
    return;
  }
  if (!outcome.item.time) {
    sink.problem({ file, item: outcome.item.label, reason: 'it has no date (no Date header), so it cannot be dated; it was not logged' });
    return;
  }
  await sink.item(outcome.item, () => bodyOf(raw));
}

export async function readEml(file: string, name: string, sink: ReadSink): Promise<void> {
  const raw = await fs.promises.readFile(file);
  sink.progress(raw.length);
  await readMessage(raw, name, 'the message', sink);
}

/**
 * Streams a mailbox: one message in memory at a time. A file that ends in the middle of its last
 * message (a cut-off download or copy) has that message reported, not logged.
 */
export async function readMbox(file: string, name: string, sink: ReadSink, signal?: { aborted: boolean }): Promise<void> {
  const size = (await fs.promises.stat(file)).size;
  const head = Buffer.alloc(Math.min(5, size));
  const tail = Buffer.alloc(Math.min(1, size));
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
    if (size) await handle.read(tail, 0, 1, size - 1);
  } finally {
    await handle.close();
  }
  if (head.toString('latin1') !== 'From ') {
    sink.problem({ file: name, item: '', reason: 'it is not an mbox mailbox (an mbox starts with a "From " line). Export the mailbox again, or save single messages as .eml' });
    return;
  }
  const cutShort = size > 0 && tail[0] !== 10;
  let n = 0;
  let pending: { content: Buffer; time: Date | false; n: number } | null = null;
  // 64 KB chunks: mbox-reader splits each chunk into lines and shifts them off an array one by
  // one, which costs quadratically in the chunk's lines (1 MB chunks read a 100 MB mbox 5× slower).
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const message of mboxReader(stream)) {
      if (signal?.aborted) break;
      // One behind, so the last message can be told apart when the file was cut short.
      if (pending) await readMessage(pending.content, name, `message ${pending.n}`, sink, pending.time);
      pending = { content: message.content, time: message.time, n: ++n };
      sink.progress(message.readSize);
    }
    if (pending && !signal?.aborted) {
      const truncated = cutShort || headerEnd(pending.content) < 0;
      if (truncated) {
        sink.problem({
          file: name,
          item: `message ${pending.n}`,
          reason: 'the file ends in the middle of this message (the export or copy was cut short); it was not logged. Export the mailbox again to capture it',
        });
      } else await readMessage(pending.content, name, `message ${pending.n}`, sink, pending.time);
    }
  } finally {
    stream.destroy();
  }
  sink.progress(size);
}

const recipientRole = (type: string | undefined): Participant['role'] => (type === 'cc' || type === 'bcc' ? 'cc' : 'to');

/** An Outlook .msg: its transport headers when it has them (received mail), else its own fields (sent mail, drafts). */
export async function readMsg(file: string, name: string, sink: ReadSink): Promise<void> {
  const raw = await fs.promises.readFile(file);
  sink.progress(raw.length);
  let data: ReturnType<MsgReader['getFileData']>;
  try {
    data = new MsgReader(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer).getFileData();
  } catch (err) {
    data = { dataType: null, error: (err as Error).message };
  }
  if (data.error || data.dataType !== 'msg') {
    sink.problem({ file: name, item: '', reason: `it is not an Outlook message Tend can read (${data.error ?? 'no message in the file'}). Save it from Outlook again (File → Save As → Outlook Message Format)` });
    return;
  }
  const label = 'the message';
  let item: CapturedItem | null = null;
  if (data.headers?.trim()) {
    const outcome = messageItem(await PostalMime.parse(`${data.headers.trim()}\r\n\r\n`), label);
    if ('item' in outcome) item = outcome.item;
  }
  if (!item) {
    const participants: Participant[] = [];
    const sender = normalizeEmail(data.senderSmtpAddress ?? data.senderEmail ?? data.sentRepresentingSmtpAddress);
    if (sender) participants.push({ email: sender, name: data.senderName ?? null, role: 'from' });
    for (const r of data.recipients ?? []) {
      const email = normalizeEmail(r.smtpAddress ?? r.email);
      if (email) participants.push({ email, name: r.name ?? null, role: recipientRole(r.recipType) });
    }
    const sent = data.clientSubmitTime ?? data.messageDeliveryTime ?? data.creationTime;
    const ms = sent ? Date.parse(sent) : NaN;
    const subject = (data.subject ?? '').trim();
    const id = data.messageId?.trim();
    item = {
      kind: 'email',
      ref: id ? (id.startsWith('<') ? id : `<${id}>`) : `sha1:${crypto.createHash('sha1').update(`${sender}|${sent}|${subject}`).digest('hex')}`,
      label: `${label}${subject ? ` “${subject.slice(0, 80)}”` : ''}`,
      summary: subject,
      time: Number.isNaN(ms) ? null : { kind: 'instant', ms },
      participants,
    };
  }
  // A meeting request saved from Outlook is a meeting, dated when it starts.
  if (/^IPM\.(Appointment|Schedule\.Meeting)/i.test(data.messageClass ?? '') && data.apptStartWhole) {
    const start = Date.parse(data.apptStartWhole);
    if (!Number.isNaN(start)) item = { ...item, kind: 'meeting', time: { kind: 'instant', ms: start }, ref: data.globalAppointmentID ?? item.ref };
  }
  if (!item.time) {
    sink.problem({ file: name, item: item.label, reason: 'it has no sent or received date, so it cannot be dated; it was not logged' });
    return;
  }
  const body = data.body ?? '';
  await sink.item(item, async () => body);
}
