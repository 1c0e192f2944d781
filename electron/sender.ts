// Which IPC senders the main process answers: only our own top-level page on app://tend. Kept free
// of Electron imports (structural types) so it is tested under plain Node.
import { APP_ORIGIN } from './csp';

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

export function isTrustedFrame(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}
