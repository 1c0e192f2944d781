// What a Tend page may do, for every window that loads the renderer — the main window and the hidden
// print window alike (electron/window.ts, electron/print.ts): navigate only within app://tend, never
// be redirected, open no windows and attach no <webview>. Over a structural stand-in for Electron's
// WebContents, so test/unit/shell/lockdown.test.ts runs it under Node.
import { APP_HOST, APP_SCHEME } from '../csp';

export interface Preventable {
  preventDefault(): void;
}

/** The part of Electron's WebContents the lockdown uses. */
export interface LockableContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** Whether a URL is one of Tend's own pages (app://tend/…). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export function lockDown(contents: LockableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
