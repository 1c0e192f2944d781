// The banner over the screen: an error, or a notice ("Saved the QBR to …") with one action such as
// Undo. Spoken through the app's announcer (it appears without a focus change).
import type { NoticeAction } from '../stores/app';
import { useAnnounce } from './Announcer';

export function ErrorBanner({
  message,
  onClose,
  tone = 'error',
  action,
}: {
  message: string;
  onClose: () => void;
  tone?: 'error' | 'notice';
  action?: NoticeAction | null;
}) {
  useAnnounce(tone === 'error' ? `Error: ${message}` : message);
  return (
    // The role names what it is; aria-live off because the announcer already speaks it (once).
    <div className={tone === 'error' ? 'error-banner' : 'error-banner notice-banner'} role={tone === 'error' ? 'alert' : 'status'} aria-live="off">
      <span>{message}</span>
      <span className="banner-actions">
        {action && (
          <button
            type="button"
            // Focus lands here (e.g. Undo after a delete) so the keyboard is not left on a removed element.
            autoFocus
            className="link-button"
            onClick={() => {
              onClose();
              void action.run();
            }}
          >
            {action.label}
          </button>
        )}
        <button type="button" className="link-button" onClick={onClose} aria-label="Dismiss">
          Dismiss
        </button>
      </span>
    </div>
  );
}
