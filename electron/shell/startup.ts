// Start-up either finishes with a window or ends the process after saying why: a failure anywhere in
// it (the database engine, migrations, the backup listing, recovery) shows a dialog — what happened
// and where the log file is — and quits with a failure code, instead of an unhandled rejection
// leaving an invisible process running. Plain code over a stand-in for the dialog and the app
// (test/unit/shell/startup.test.ts).

/** A start-up failure with its own dialog title (e.g. the database engine could not be loaded). */
export class StartupError extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface StartupShell {
  /** A blocking error dialog. */
  showError(title: string, content: string): void;
  /** Writes the failure to the log file. */
  logError(message: string, err: unknown): void;
  /** Where the log file is. */
  logFile(): string;
  /** Ends the process with this exit code, after closing what is open. */
  exit(code: number): void;
}

export function startupFailureDialog(err: unknown, logFile: string): { title: string; content: string } {
  const title = err instanceof StartupError ? err.title : 'Tend could not start';
  const what = err instanceof Error ? err.message : String(err);
  return { title, content: `${what}\n\nTend will now quit. Details are in the log file: ${logFile}` };
}

/** Runs `start`; on any failure, logs it, says so and exits with code 1. Resolves to whether it started. */
export async function runStartup(start: () => Promise<void>, shell: StartupShell): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (err) {
    try {
      shell.logError('Start-up failed', err);
    } catch {
      // The log itself may be what failed; the dialog still tells the user.
    }
    const { title, content } = startupFailureDialog(err, shell.logFile());
    shell.showError(title, content);
    shell.exit(1);
    return false;
  }
}
