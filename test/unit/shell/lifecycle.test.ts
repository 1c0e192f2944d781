// The shell's lifecycle logic under Node, through typed stand-ins for the few Electron calls it
// makes: start-up failures end in a dialog and an exit (electron/shell/startup.ts), one keeper for
// the main window (electron/shell/main-window.ts), files macOS asks to open before the app is ready
// (electron/shell/open-file.ts), and a window in trouble (electron/shell/window-trouble.ts).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MainWindowKeeper, type KeptWindow } from '../../../electron/shell/main-window';
import { OpenFileQueue } from '../../../electron/shell/open-file';
import { runStartup, StartupError, type StartupShell } from '../../../electron/shell/startup';
import { troubleDialog, WindowTroubleGuard, type TroubleDialog, type TroubleShell } from '../../../electron/shell/window-trouble';
import { tempDir } from '../../helpers';

/** A BrowserWindow stand-in that keeps the state a real one would, and emits 'closed' when closed. */
class StandInWindow extends EventEmitter implements KeptWindow {
  destroyed = false;
  minimized = false;
  visible = true;
  focused = false;
  sent: [string, unknown[]][] = [];
  webContents = { send: (channel: string, ...args: unknown[]) => this.checkAlive() && this.sent.push([channel, args]) };
  constructor(readonly route?: string) {
    super();
  }
  private checkAlive(): true {
    if (this.destroyed) throw new TypeError('Object has been destroyed'); // What Electron throws.
    return true;
  }
  isDestroyed() { return this.destroyed; }
  isMinimized() { return this.checkAlive() && this.minimized; }
  isVisible() { return this.checkAlive() && this.visible; }
  restore() { this.checkAlive(); this.minimized = false; }
  show() { this.checkAlive(); this.visible = true; }
  focus() { this.checkAlive(); this.focused = true; }
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
}

function startupShell() {
  const calls: string[] = [];
  const shell: StartupShell = {
    showError: (title, content) => calls.push(`dialog: ${title} | ${content}`),
    logError: (message, err) => calls.push(`log: ${message}: ${(err as Error).message ?? err}`),
    logFile: () => '/home/csm/.config/Tend/logs/main.log',
    exit: (code) => calls.push(`exit ${code}`),
  };
  return { shell, calls };
}

describe('start-up', () => {
  it('shows what happened and where the log is, then exits, when start-up fails anywhere', async () => {
    const { shell, calls } = startupShell();
    const started = await runStartup(async () => {
      await Promise.resolve();
      throw new Error('Tend’s migrations are missing (/opt/Tend/resources/drizzle/meta/_journal.json). Reinstall Tend.');
    }, shell);
    expect(started).toBe(false);
    expect(calls).toEqual([
      'log: Start-up failed: Tend’s migrations are missing (/opt/Tend/resources/drizzle/meta/_journal.json). Reinstall Tend.',
      'dialog: Tend could not start | Tend’s migrations are missing (/opt/Tend/resources/drizzle/meta/_journal.json). Reinstall Tend.\n\nTend will now quit. Details are in the log file: /home/csm/.config/Tend/logs/main.log',
      'exit 1',
    ]);
  });

  it('uses a start-up error’s own title, and survives a thrown non-Error', async () => {
    const { shell, calls } = startupShell();
    await runStartup(() => Promise.reject(new StartupError('Tend’s database engine could not be loaded', 'it was built for another processor')), shell);
    expect(calls[1]).toMatch(/^dialog: Tend’s database engine could not be loaded \| it was built for another processor/);
    const other = startupShell();
    await runStartup(() => Promise.reject('app.whenReady failed'), other.shell);
    expect(other.calls.slice(1)).toEqual([expect.stringMatching(/^dialog: Tend could not start \| app\.whenReady failed/), 'exit 1']);
  });

  it('still says why when the log itself fails', async () => {
    const { shell, calls } = startupShell();
    shell.logError = () => {
      throw new Error('EACCES: permission denied, open main.log');
    };
    await runStartup(() => Promise.reject(new Error('disk full')), shell);
    expect(calls).toEqual([expect.stringMatching(/^dialog: Tend could not start \| disk full/), 'exit 1']);
  });

  it('does nothing more when start-up finishes', async () => {
    const { shell, calls } = startupShell();
    expect(await runStartup(async () => undefined, shell)).toBe(true);
    expect(calls).toEqual([]);
  });
});

describe('the main window keeper', () => {
  it('tracks a window made later (macOS activate) like the first, so nobody calls a destroyed window', () => {
    const made: StandInWindow[] = [];
    const keeper = new MainWindowKeeper((route) => {
      const window = new StandInWindow(route);
      made.push(window);
      return window;
    });
    expect(keeper.current).toBeNull();
    const first = keeper.ensure();
    expect(first).toEqual({ window: made[0], created: true });
    expect(keeper.ensure().created).toBe(false);
    made[0].close();
    expect(keeper.current).toBeNull();
    expect(keeper.send('tend:menu', 'db:changed')).toBe(false);
    // The Dock icon: a new window, which the menu and notifications then reach.
    const second = keeper.ensure().window;
    expect(second).not.toBe(made[0]);
    expect(keeper.send('tend:menu', 'db:changed')).toBe(true);
    expect(second.sent).toEqual([['tend:menu', ['db:changed']]]);
    second.close();
    expect(keeper.current).toBeNull();
    expect(made).toHaveLength(2);
  });

  it('delivers a menu command to the open window brought to the front, or opens a new one at its route', () => {
    const keeper = new MainWindowKeeper((route) => new StandInWindow(route));
    const window = keeper.ensure().window;
    window.minimized = true;
    keeper.deliver('tend:menu', 'navigate:today', '/today');
    expect(window).toMatchObject({ minimized: false, focused: true });
    expect(window.sent).toEqual([['tend:menu', ['navigate:today']]]);
    window.close();
    const opened = keeper.deliver('tend:menu', 'navigate:today', '/today');
    expect(opened.route).toBe('/today');
    expect(opened.sent).toEqual([]); // Its page opens at Today; a command now would be lost.
  });

  it('forgets only its own window when an older one reports closing late', () => {
    const made: StandInWindow[] = [];
    const keeper = new MainWindowKeeper(() => {
      const window = new StandInWindow();
      made.push(window);
      return window;
    });
    keeper.ensure();
    made[0].destroyed = true; // destroyed, 'closed' not yet emitted
    const second = keeper.ensure().window;
    made[0].emit('closed');
    expect(keeper.current).toBe(second);
  });
});

describe('files macOS asks Tend to open', () => {
  it('waits for start-up, which opens the first existing database instead of the last one used', () => {
    const folder = tempDir();
    const db = path.join(folder, 'client.db');
    const other = path.join(folder, 'other.sqlite');
    for (const file of [db, other]) fs.writeFileSync(file, '');
    const queue = new OpenFileQueue();
    queue.add(path.join(folder, 'export.csv'));
    queue.add(path.join(folder, 'missing.db'));
    queue.add(db);
    queue.add(other);
    expect(queue.takeStartupDatabase()).toBe(db);
    const handled: string[] = [];
    queue.ready((file) => handled.push(file));
    // The rest go through the usual checks, in order; later ones are handled at once.
    expect(handled).toEqual([path.join(folder, 'export.csv'), path.join(folder, 'missing.db'), other]);
    queue.add(db);
    expect(handled.at(-1)).toBe(db);
    expect(queue.takeStartupDatabase()).toBeNull();
  });
});

function troubleShell(answers: (dialog: TroubleDialog, signal: AbortSignal) => Promise<number>) {
  const calls: string[] = [];
  let now = 0;
  const shell: TroubleShell = {
    ask: (dialog, signal) => {
      calls.push(`ask: ${dialog.message} [${dialog.buttons.join('/')}]`);
      return answers(dialog, signal);
    },
    reload: () => calls.push('reload'),
    quit: () => calls.push('quit'),
    log: (message) => calls.push(`log: ${message}`),
    logFile: () => '/logs/main.log',
    now: () => now,
  };
  return { shell, calls, advance: (ms: number) => (now += ms) };
}

const pick = (label: string) => async (dialog: TroubleDialog) => dialog.buttons.indexOf(label);

describe('a window in trouble', () => {
  it('offers Reload when the page failed to load, and ignores a cancelled load', async () => {
    const { shell, calls } = troubleShell(pick('Reload'));
    const guard = new WindowTroubleGuard(shell);
    expect(await guard.report({ kind: 'load-failed', errorCode: -3, description: 'ERR_ABORTED', url: 'app://tend/index.html' })).toBe('ignored');
    expect(await guard.report({ kind: 'load-failed', errorCode: -6, description: 'ERR_FILE_NOT_FOUND', url: 'app://tend/index.html' })).toBe('reloaded');
    expect(calls).toEqual([
      'log: Window trouble: load failed: ERR_FILE_NOT_FOUND (-6) app://tend/index.html',
      'ask: Tend’s window could not load. [Reload/Quit Tend]',
      'reload',
    ]);
    const box = troubleDialog({ kind: 'load-failed', errorCode: -6, description: 'ERR_FILE_NOT_FOUND', url: 'app://tend/index.html' }, '/logs/main.log')!;
    expect(box.detail).toContain('ERR_FILE_NOT_FOUND (error -6) loading app://tend/index.html');
    expect(box.detail).toContain('Details are in the log file: /logs/main.log');
  });

  it('says the page crashed and reloads or quits as chosen; after crashes in a row it recommends quitting', async () => {
    const { shell, calls, advance } = troubleShell(async (dialog) => (dialog.buttons.includes('Reload') ? dialog.buttons.indexOf('Reload') : 0));
    const guard = new WindowTroubleGuard(shell);
    expect(await guard.report({ kind: 'renderer-gone', reason: 'clean-exit', exitCode: 0 })).toBe('ignored');
    expect(await guard.report({ kind: 'renderer-gone', reason: 'oom', exitCode: 9 })).toBe('reloaded');
    expect(troubleDialog({ kind: 'renderer-gone', reason: 'oom', exitCode: 9 }, '/l')!.detail).toMatch(/^The window’s page ran out of memory \(exit code 9\)\. Your data is safe/);
    advance(10_000);
    expect(await guard.report({ kind: 'renderer-gone', reason: 'crashed', exitCode: 11 })).toBe('reloaded');
    advance(10_000);
    expect(await guard.report({ kind: 'renderer-gone', reason: 'crashed', exitCode: 11 })).toBe('quit');
    expect(calls.filter((c) => c.startsWith('ask'))).toEqual([
      'ask: Tend’s window stopped working. [Reload/Quit Tend]',
      'ask: Tend’s window stopped working. [Reload/Quit Tend]',
      'ask: Tend’s window keeps stopping. [Quit Tend/Reload Anyway]',
    ]);
    // A minute later, a crash is a crash again.
    advance(61_000);
    expect(await guard.report({ kind: 'renderer-gone', reason: 'crashed', exitCode: 11 })).toBe('reloaded');
  });

  it('asks about a frozen page once, and withdraws the question when the page answers again', async () => {
    let release: (n: number) => void = () => undefined;
    const { shell, calls } = troubleShell(
      (_dialog, signal) =>
        new Promise((resolve) => {
          release = resolve;
          signal.addEventListener('abort', () => resolve(0)); // Electron: as if cancelled.
        }),
    );
    const guard = new WindowTroubleGuard(shell);
    const first = guard.report({ kind: 'unresponsive' });
    expect(await guard.report({ kind: 'unresponsive' })).toBe('already-asking');
    guard.responsive();
    expect(await first).toBe('waited');
    expect(calls.filter((c) => c === 'reload')).toEqual([]);
    // Still frozen: Reload.
    const second = guard.report({ kind: 'unresponsive' });
    release(1);
    expect(await second).toBe('reloaded');
  });

  it('replaces a "not responding" question with a crash', async () => {
    const { shell, calls } = troubleShell(
      (dialog, signal) =>
        new Promise((resolve) => {
          if (dialog.buttons.includes('Wait')) signal.addEventListener('abort', () => resolve(dialog.cancelId));
          else resolve(dialog.buttons.indexOf('Reload'));
        }),
    );
    const guard = new WindowTroubleGuard(shell);
    const frozen = guard.report({ kind: 'unresponsive' });
    expect(await guard.report({ kind: 'renderer-gone', reason: 'crashed', exitCode: 1 })).toBe('reloaded');
    expect(await frozen).toBe('waited');
    expect(calls.filter((c) => c.startsWith('ask'))).toEqual(['ask: Tend’s window is not responding. [Wait/Reload]', 'ask: Tend’s window stopped working. [Reload/Quit Tend]']);
  });
});
