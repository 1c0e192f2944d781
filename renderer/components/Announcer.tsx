// One announcer for the whole app (issue 18.6): what happens without a focus change — "Touch logged ·
// score 85 → 87", a notice, an error, import and capture progress — is spoken through a polite live
// region. `announce(message)` from anywhere; `useAnnounce(message)` from a component whose message
// changes. A live region must be in the page before its text changes, so the app mounts one
// <LiveRegion /> at start, and every open modal dialog mounts its own (a modal dialog hides the rest of
// the page from screen readers, live regions included): the newest region speaks.
import { useEffect, useRef } from 'react';

type Speaker = (message: string) => void;
const speakers: Speaker[] = [];
/** The last announcement, for tests and for a region mounted just after it was made. */
let last = '';

export function announce(message: string): void {
  const text = message.trim();
  if (!text) return;
  last = text;
  speakers[speakers.length - 1]?.(text);
}

/** Announces `message` whenever it changes (null or '' says nothing). */
export function useAnnounce(message: string | null | undefined): void {
  useEffect(() => {
    if (message) announce(message);
  }, [message]);
}

export function lastAnnouncement(): string {
  return last;
}

/**
 * The region itself lives in a closed shadow root: screen readers hear it like any live region, but
 * its words are not a second copy of the visible banner or toast for a page's text search (tests'
 * getByText, the browser's find). The last message is also on the host's data-announced, for tests.
 */
export function LiveRegion() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'closed' });
    const region = document.createElement('div');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    region.style.cssText = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
    root.replaceChildren(region);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Clear first, then write: the same words twice in a row are still announced twice.
    const speak: Speaker = (message) => {
      region.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(() => {
        region.textContent = message;
        host.current?.setAttribute('data-announced', message);
      }, 60);
    };
    speakers.push(speak);
    return () => {
      clearTimeout(timer);
      speakers.splice(speakers.indexOf(speak), 1);
    };
  }, []);
  return <div ref={host} className="visually-hidden" data-announcer="" />;
}
