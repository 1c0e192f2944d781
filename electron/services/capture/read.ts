// Which reader a dropped or chosen file goes to: by its content first (an Apple Mail "mbox" file
// has no extension; a renamed file says what it is in its first bytes), else by its extension.
// Every reader reports what it cannot read to the sink, per file and per item, and goes on.
import fs from 'node:fs';
import path from 'node:path';
import type { CapturedCard, CapturedItem, CaptureProblem } from '../../../shared/capture/types';
import { readIcs } from './read-ics';
import { readEml, readMbox, readMsg } from './read-mail';
import { readVcf } from './read-vcf';

export interface ReadSink {
  /** A meeting occurrence or a message; `body` reads its plain text (description) only if asked. */
  item(item: CapturedItem, body: () => Promise<string>): Promise<void> | void;
  card(card: CapturedCard): void;
  problem(problem: CaptureProblem): void;
  /** Bytes of the current file read so far. */
  progress(bytes: number): void;
}

export type CaptureFileKind = 'calendar' | 'message' | 'mailbox' | 'outlook' | 'cards';

export const CAPTURE_EXTENSIONS: Record<string, CaptureFileKind> = {
  '.ics': 'calendar',
  '.ical': 'calendar',
  '.icalendar': 'calendar',
  '.ifb': 'calendar',
  '.eml': 'message',
  '.mbox': 'mailbox',
  '.mbx': 'mailbox',
  '.msg': 'outlook',
  '.vcf': 'cards',
  '.vcard': 'cards',
};

/** Files read whole (all but mailboxes, which stream) may be at most this big. */
const MAX_WHOLE_FILE = 200 * 1024 * 1024;
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function sniff(head: Buffer): CaptureFileKind | null {
  if (head.subarray(0, 8).equals(CFB_MAGIC)) return 'outlook';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(text)) return 'calendar';
  if (/^BEGIN:VCARD/i.test(text)) return 'cards';
  if (text.startsWith('From ')) return 'mailbox';
  if (head.includes(0)) return null;
  if (/^[\x21-\x39\x3b-\x7e]+:[ \t]/.test(text)) return 'message';
  return null;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What a file holds and where to read it (an Apple Mail export is a folder with an "mbox" inside). */
export async function inspect(file: string): Promise<{ kind: CaptureFileKind; path: string; size: number } | { problem: string }> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'the file no longer exists' : `it cannot be opened (${code ?? (err as Error).message})` };
  }
  if (stat.isDirectory()) {
    const inner = path.join(file, 'mbox');
    if (fs.existsSync(inner)) return inspect(inner);
    return { problem: 'it is a folder; drop the files in it instead' };
  }
  const byExtension = CAPTURE_EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
  let head: Buffer;
  try {
    head = await readHead(file);
  } catch (err) {
    return { problem: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  if (!head.length) return { problem: 'it is empty' };
  const kind = sniff(head) ?? byExtension;
  if (!kind) {
    return { problem: 'Tend captures calendar (.ics), e-mail (.eml, .mbox, Outlook .msg) and contact (.vcf) files, and this is none of them' };
  }
  if (kind !== 'mailbox' && stat.size > MAX_WHOLE_FILE) {
    return { problem: `it is ${Math.round(stat.size / 1024 / 1024)} MB; a ${kind} file of more than ${MAX_WHOLE_FILE / 1024 / 1024} MB is not read` };
  }
  return { kind, path: file, size: stat.size };
}

const textOf = async (file: string) => (await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, '');

/**
 * Reads one file into the sink. `until` is the as-of date (recurring meetings are expanded up to
 * it). Returns what the file was, or null when it was not read at all (reported to the sink).
 */
export async function readCaptureFile(
  file: string,
  name: string,
  sink: ReadSink,
  options: { until: string; signal?: { aborted: boolean } },
): Promise<{ kind: CaptureFileKind; size: number; later: number } | null> {
  const found = await inspect(file);
  if ('problem' in found) {
    sink.problem({ file: name, item: '', reason: found.problem });
    return null;
  }
  const { kind, size } = found;
  let later = 0;
  switch (kind) {
    case 'calendar': {
      const read = readIcs(await textOf(found.path), name, options.until);
      sink.progress(size);
      for (const problem of read.problems) sink.problem(problem);
      for (const { item, description } of read.items) {
        if (options.signal?.aborted) break;
        await sink.item(item, async () => description);
      }
      later = read.later;
      break;
    }
    case 'cards': {
      const read = readVcf(await textOf(found.path), name);
      sink.progress(size);
      for (const problem of read.problems) sink.problem(problem);
      for (const card of read.cards) sink.card(card);
      break;
    }
    case 'message':
      await readEml(found.path, name, sink);
      break;
    case 'mailbox':
      await readMbox(found.path, name, sink, options.signal);
      break;
    case 'outlook':
      await readMsg(found.path, name, sink);
      break;
  }
  return { kind, size, later };
}
