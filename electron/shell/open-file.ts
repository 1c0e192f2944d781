// Files the operating system asks Tend to open: macOS sends `open-file` events (a double-click on a
// .db file, a drop on the Dock icon), which can come before the app is ready. They wait here until
// start-up; the first existing Tend database becomes the database start-up opens (instead of the last
// one used), and every other one then goes through the same checks as a second launch and File →
// Open (electron/second-instance.ts). Windows and Linux pass the file on the command line instead.
import fs from 'node:fs';
import { isDatabaseFile } from '../second-instance';

export class OpenFileQueue {
  private waiting: string[] = [];
  private handler: ((file: string) => void) | null = null;

  /** A file the OS asked to open: handled now once ready, else kept for start-up. */
  add(file: string): void {
    if (this.handler) this.handler(file);
    else this.waiting.push(file);
  }

  /** The first waiting file that is an existing Tend database, taken out of the queue. */
  takeStartupDatabase(): string | null {
    const index = this.waiting.findIndex((file) => isDatabaseFile(file) && fs.existsSync(file));
    if (index < 0) return null;
    return this.waiting.splice(index, 1)[0];
  }

  /** From now on files go to `handler`, the waiting ones first, in the order they came. */
  ready(handler: (file: string) => void): void {
    this.handler = handler;
    const waiting = this.waiting;
    this.waiting = [];
    for (const file of waiting) handler(file);
  }
}
