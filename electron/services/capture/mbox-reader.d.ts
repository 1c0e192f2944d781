// Types for mbox-reader 1.x (it ships none): a streaming mbox reader over a Readable, yielding one
// message at a time (From_ line removed, ">From " lines unescaped).
declare module 'mbox-reader' {
  import type { Readable } from 'node:stream';

  export interface MboxMessage {
    /** The address on the From_ line. */
    returnPath: string;
    /** The From_ line's time, or false when it does not parse. */
    time: Date | false;
    /** The RFC 822 message. */
    content: Buffer;
    /** Lower-cased header name → raw header values. */
    headers: Map<string, string[]>;
    flags: string[];
    labels: string[];
    /** Bytes of the source read so far. */
    readSize: number;
  }

  export function mboxReader(source: Readable, options?: { gz?: boolean }): AsyncGenerator<MboxMessage>;
}
