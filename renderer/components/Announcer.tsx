// One announcer for the whole app (issue 18.6): what happens without a focus change — "Touch logged ·
// score 85 → 87", a notice, an error, import and capture progress — is spoken through a polite live
// region. `announce(message)` from anywhere; `useAnnounce(message)` from a component whose message
// changes. A live region must be in the page before its text changes, so the app mounts one
// <LiveRegion /> at start, and every open modal dialog mounts its own (a modal dialog hides the rest of
// the page from screen readers, live regions included): the newest region speaks.
import { useEffect, useState } from 'react';

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

export function LiveRegion() {
  const [text, setText] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Clear first, then write: the same words twice in a row are still announced twice.
    const speak: Speaker = (message) => {
      setText('');
      clearTimeout(timer);
      timer = setTimeout(() => setText(message), 60);
    };
    speakers.push(speak);
    return () => {
      clearTimeout(timer);
      speakers.splice(speakers.indexOf(speak), 1);
    };
  }, []);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-announcer="">
      {text}
    </div>
  );
}
