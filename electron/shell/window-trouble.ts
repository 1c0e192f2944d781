// When the window cannot show Tend — the page failed to load, its renderer process died, or it stopped
// answering — the user gets a message and a Reload, never a blank or frozen window. Plain code over a
// small stand-in for the dialog and the window (electron/window.ts wires Electron's events to it), so
// test/unit/shell/window-trouble.test.ts runs it under Node.

export type WindowTrouble =
  | { kind: 'load-failed'; errorCode: number; description: string; url: string }
  | { kind: 'renderer-gone'; reason: string; exitCode: number }
  | { kind: 'unresponsive' };

export interface TroubleDialog {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** Enter. */
  defaultId: number;
  /** Esc, closing the box, or the box withdrawn because the trouble went away. */
  cancelId: number;
}

export interface TroubleShell {
  /** Shows the dialog (over the window, shown first if hidden); resolves to the button index. */
  ask(dialog: TroubleDialog, signal: AbortSignal): Promise<number>;
  /** Loads Tend's page again (a new renderer process if the old one is gone). */
  reload(): void;
  quit(): void;
  log(message: string): void;
  /** Where the log file is, for the message. */
  logFile(): string;
  now(): number;
}

export type TroubleOutcome = 'ignored' | 'already-asking' | 'reloaded' | 'waited' | 'quit';

/** Chromium's net error for a load that was cancelled (a navigation Tend prevented, a reload): not a failure. */
const ERR_ABORTED = -3;
/** Crashes this close together after reloading mean reloading does not help. */
const CRASH_LOOP = { count: 3, withinMs: 60_000 };

const GONE_WORDS: Record<string, string> = {
  crashed: 'crashed',
  oom: 'ran out of memory',
  killed: 'was ended by the system or another program',
  'launch-failed': 'could not be started',
  'integrity-failure': 'failed a code integrity check',
  'abnormal-exit': 'ended unexpectedly',
  'memory-eviction': 'was unloaded to free memory',
};

/** The dialog for a trouble, or null when there is nothing to tell (a cancelled load, a clean exit). */
export function troubleDialog(trouble: WindowTrouble, logFile: string, crashLoop = false): TroubleDialog | null {
  const safe = 'Your data is safe: Tend saves every change as you make it.';
  const log = `Details are in the log file: ${logFile}`;
  if (trouble.kind === 'load-failed') {
    if (trouble.errorCode === ERR_ABORTED) return null;
    return {
      title: 'Tend',
      message: 'Tend’s window could not load.',
      detail: `${trouble.description || 'The page failed to load'} (error ${trouble.errorCode}) loading ${trouble.url}. ${safe} Reload to try again; if it keeps failing, reinstall Tend. ${log}`,
      buttons: ['Reload', 'Quit Tend'],
      defaultId: 0,
      cancelId: 0,
    };
  }
  if (trouble.kind === 'renderer-gone') {
    if (trouble.reason === 'clean-exit') return null;
    const what = `The window’s page ${GONE_WORDS[trouble.reason] ?? `stopped (${trouble.reason})`} (exit code ${trouble.exitCode}).`;
    if (crashLoop) {
      return {
        title: 'Tend',
        message: 'Tend’s window keeps stopping.',
        detail: `${what} It stopped again soon after reloading. ${safe} Quit Tend and start it again; if it keeps happening, send the log file with a note of what you did. ${log}`,
        buttons: ['Quit Tend', 'Reload Anyway'],
        defaultId: 0,
        cancelId: 0,
      };
    }
    return {
      title: 'Tend',
      message: 'Tend’s window stopped working.',
      detail: `${what} ${safe} Reload to carry on where you were. ${log}`,
      buttons: ['Reload', 'Quit Tend'],
      defaultId: 0,
      cancelId: 0,
    };
  }
  return {
    title: 'Tend',
    message: 'Tend’s window is not responding.',
    detail: `It may be busy with a long task. Wait for it, or Reload the window (an import running in the background carries on). ${log}`,
    buttons: ['Wait', 'Reload'],
    defaultId: 0,
    cancelId: 0,
  };
}

/** One per window: asks one question at a time, withdraws "not responding" when the page answers again. */
export class WindowTroubleGuard {
  private asking: AbortController | null = null;
  private askingAbout: WindowTrouble['kind'] | null = null;
  private crashes: number[] = [];

  constructor(private readonly shell: TroubleShell) {}

  async report(trouble: WindowTrouble): Promise<TroubleOutcome> {
    const described = describe(trouble);
    if (trouble.kind === 'renderer-gone' && trouble.reason !== 'clean-exit') {
      const now = this.shell.now();
      this.crashes = [...this.crashes.filter((at) => now - at < CRASH_LOOP.withinMs), now];
    }
    const dialog = troubleDialog(trouble, this.shell.logFile(), this.crashes.length >= CRASH_LOOP.count);
    if (!dialog) return 'ignored';
    this.shell.log(`Window trouble: ${described}`);
    if (this.asking) {
      // A crash or failed load outranks "not responding": withdraw that question and ask this one.
      if (this.askingAbout !== 'unresponsive' || trouble.kind === 'unresponsive') return 'already-asking';
      this.asking.abort();
    }
    const controller = new AbortController();
    this.asking = controller;
    this.askingAbout = trouble.kind;
    let choice: number;
    try {
      choice = await this.shell.ask(dialog, controller.signal);
    } finally {
      if (this.asking === controller) {
        this.asking = null;
        this.askingAbout = null;
      }
    }
    if (controller.signal.aborted) return 'waited';
    const button = dialog.buttons[choice] ?? dialog.buttons[dialog.cancelId];
    if (button === 'Quit Tend') {
      this.shell.quit();
      return 'quit';
    }
    if (button === 'Wait') return 'waited';
    this.shell.reload();
    return 'reloaded';
  }

  /** The page answers again: a "not responding" question is moot. */
  responsive(): void {
    if (this.askingAbout === 'unresponsive') this.asking?.abort();
  }
}

function describe(trouble: WindowTrouble): string {
  if (trouble.kind === 'load-failed') return `load failed: ${trouble.description} (${trouble.errorCode}) ${trouble.url}`;
  if (trouble.kind === 'renderer-gone') return `renderer gone: ${trouble.reason} (exit code ${trouble.exitCode})`;
  return 'window not responding';
}
