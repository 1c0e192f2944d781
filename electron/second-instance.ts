// A second launch of Tend hands over to the first (main.ts holds the single-instance lock, so one
// database is never open in two windows): the first window comes to the front and, if the launch
// named a Tend database (double-click, "Open with"), the first instance opens it. Plain code over a
// minimal window interface, so it is tested without Electron.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The part of Electron's BrowserWindow this needs. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

export interface SecondLaunchActions {
  /** Open this database in the running instance (with the usual refusal and recovery). */
  openDatabase(file: string): void;
  /** Tell the user something about the launch (a file that was not opened, and why). */
  tell(message: string): void;
  /** Still starting: keep the file the launch named until Tend is ready (it then gets the same checks). */
  later(file: string): void;
}

export type SecondLaunch =
  | { action: 'focused' }
  | { action: 'open-database'; file: string }
  | { action: 'ignored'; file: string; reason: string }
  | { action: 'starting'; file: string | null };

const DATABASE_EXTENSIONS = new Set(['.db', '.sqlite', '.sqlite3']);

/**
 * The file a launch names: the first argument after the executable that is not a switch (Chromium
 * adds some) and not a folder (`electron .` in development), resolved against the launch's folder.
 */
export function launchedFile(argv: readonly string[], workingDirectory: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    // Linux desktop files pass %U: some launchers hand over file:///…%20… instead of a path.
    const file = arg.startsWith('file://') ? fileURLToPath(arg) : path.resolve(workingDirectory, arg);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) continue;
    return file;
  }
  return null;
}

export function isDatabaseFile(file: string): boolean {
  return DATABASE_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** The existing Tend database a launch names, if any (the first launch opens it instead of the last one used). */
export function launchedDatabase(argv: readonly string[], workingDirectory: string): string | null {
  const file = launchedFile(argv, workingDirectory);
  return file && isDatabaseFile(file) && fs.existsSync(file) ? file : null;
}

/** Brings the window to the front: restored if minimised, shown if hidden, focused. */
export function bringToFront(window: FocusableWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/** Electron's 'second-instance' event, after the first instance has its window. */
export function handleSecondInstance(
  window: FocusableWindow | null,
  argv: readonly string[],
  workingDirectory: string,
  actions: SecondLaunchActions,
): SecondLaunch {
  // Still starting: its window appears by itself, and a second open would race the first — the
  // file the launch named waits until Tend is ready.
  if (!window) {
    const file = launchedFile(argv, workingDirectory);
    if (file) actions.later(file);
    return { action: 'starting', file };
  }
  bringToFront(window);
  const file = launchedFile(argv, workingDirectory);
  if (!file) return { action: 'focused' };
  if (!fs.existsSync(file)) {
    const reason = `Tend is already open; ${file} was not opened because it does not exist. Use File → Open Database… or File → New Database….`;
    actions.tell(reason);
    return { action: 'ignored', file, reason };
  }
  if (isDatabaseFile(file)) {
    actions.openDatabase(file);
    return { action: 'open-database', file };
  }
  const reason = path.extname(file).toLowerCase() === '.csv'
    ? `Tend is already open, so ${file} was not imported. To import it, use Import in the Tend window and choose the file.`
    : `Tend is already open; ${file} was not opened because it is not a Tend database (.db). Use File → Open Database… to choose one.`;
  actions.tell(reason);
  return { action: 'ignored', file, reason };
}
