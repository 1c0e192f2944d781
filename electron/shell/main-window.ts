// The one main window and its bookkeeping. Every caller that needs the window — start-up, macOS
// `activate`, the menu, a notification click, a second launch — goes through one keeper, so a window
// made later (macOS: close the window, click the Dock icon) is tracked like the first, and nobody
// calls a destroyed window. Plain code over a typed stand-in for BrowserWindow
// (test/unit/shell/main-window.test.ts).
import { bringToFront, type FocusableWindow } from '../second-instance';

/** The part of Electron's BrowserWindow the keeper uses. */
export interface KeptWindow extends FocusableWindow {
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

export class MainWindowKeeper<W extends KeptWindow> {
  private window: W | null = null;

  /** `create` makes a window that opens at `route` (a renderer hash route such as "/today"). */
  constructor(private readonly create: (route?: string) => W) {}

  /** The open window, or null (none yet, or closed). */
  get current(): W | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** The open window, or a new one opening at `route`; `created` says which. */
  ensure(route?: string): { window: W; created: boolean } {
    const existing = this.current;
    if (existing) return { window: existing, created: false };
    const window = this.create(route);
    this.window = window;
    window.once('closed', () => {
      if (this.window === window) this.window = null;
    });
    return { window, created: true };
  }

  /**
   * Delivers a menu command the user gave: to the open window, brought to the front; with no window
   * (macOS keeps running without one), to a new window opening at the command's route, if it has one
   * (a command sent before the new page listens would be lost).
   */
  deliver(channel: string, command: string, route?: string): W {
    const { window, created } = this.ensure(route);
    bringToFront(window);
    if (!created) window.webContents.send(channel, command);
    return window;
  }

  /** Sends a menu command to the open window, if there is one. */
  send(channel: string, command: string): boolean {
    const window = this.current;
    if (!window) return false;
    window.webContents.send(channel, command);
    return true;
  }
}
