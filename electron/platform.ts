// What the router needs from the desktop around it: native file dialogs and the PDF engine. The
// Electron main process provides it (electron/main.ts); the browser tests provide their own; the CLI
// needs none. The renderer never names a path: a chosen file becomes an opaque token (FileGrants).
import crypto from 'node:crypto';
import path from 'node:path';
import type { Paper } from '../shared/print';
import { TendError } from '../shared/errors';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  /** A native "open" dialog; null when the user cancels. */
  chooseFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** A native "open" dialog for several files; null when the user cancels (optional: else one file). */
  chooseFiles?(options: { title: string; filters: FileFilter[] }): Promise<string[] | null>;
  /** A native "save" dialog; null when the user cancels. */
  chooseSaveFile(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Prints a print route (shared/print.ts) to a PDF file. */
  printPdf(route: string, file: string, paper: Paper): Promise<string>;
}

export const NO_PLATFORM: Platform = {
  chooseFile: async () => {
    throw new TendError('internal', 'Choosing a file needs the desktop app.');
  },
  chooseSaveFile: async () => {
    throw new TendError('internal', 'Saving a file needs the desktop app.');
  },
  printPdf: async () => {
    throw new TendError('internal', 'Printing needs the desktop app or the tend CLI.');
  },
};

/** Files the user picked in a dialog, known to the renderer only by token and display name. */
export class FileGrants {
  private readonly files = new Map<string, string>();

  grant(file: string): { token: string; fileName: string } {
    const token = crypto.randomUUID();
    this.files.set(token, file);
    return { token, fileName: path.basename(file) };
  }

  resolve(token: string): string {
    const file = this.files.get(token);
    if (!file) throw new TendError('invalid_input', 'That file is no longer available. Choose it again.', { field: 'token' });
    return file;
  }
}
