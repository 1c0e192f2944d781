// The lockdown every Tend window gets (electron/shell/lockdown.ts), on a stand-in WebContents that
// emits events the way Electron does: what is prevented, what is let through, and window.open denied.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isAppUrl, lockDown, type LockableContents } from '../../../electron/shell/lockdown';

class StandInContents extends EventEmitter implements LockableContents {
  openHandler: (() => { action: string }) | null = null;
  setWindowOpenHandler(handler: () => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits like Electron: returns whether a listener prevented the default. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('the lockdown of a Tend window', () => {
  it('lets the page move within app://tend and stops every navigation elsewhere', () => {
    const contents = new StandInContents();
    lockDown(contents);
    expect(contents.attempt('will-navigate', 'app://tend/index.html#/today')).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'app://tend.evil.com/', 'javascript:alert(1)', 'not a url']) {
      expect(contents.attempt('will-navigate', url), url).toBe(true);
    }
  });

  it('prevents redirects and webviews, and denies new windows', () => {
    const contents = new StandInContents();
    lockDown(contents);
    expect(contents.attempt('will-redirect', 'app://tend/index.html')).toBe(true);
    expect(contents.attempt('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('knows Tend’s own pages', () => {
    expect(isAppUrl('app://tend/')).toBe(true);
    expect(isAppUrl('app://tend/assets/index.js?v=1')).toBe(true);
    expect(isAppUrl('http://tend/')).toBe(false);
  });
});
