// A modal form on the dialog primitive (components/Dialog.tsx: focus kept inside, background inert,
// Escape or a click on the backdrop closes, focus returns to the opener); Enter (a submit) and
// Ctrl/Cmd+Enter from any field save it. Below the fields: the error, if any, then the key hint,
// Cancel and the submit button. Quick capture, New account, QBR export and the money dialogs use it.
import type { ReactNode } from 'react';
import { Dialog } from '../components/Dialog';

export function DialogForm({
  label,
  className,
  onClose,
  onSubmit,
  error,
  hint,
  submitLabel,
  canSubmit,
  children,
}: {
  label: string;
  className: string;
  onClose(): void;
  onSubmit(): void;
  error: string | null;
  hint: ReactNode;
  submitLabel: string;
  canSubmit: boolean;
  children: ReactNode;
}) {
  return (
    <Dialog label={label} onClose={onClose}>
      <form
        className={`overlay ${className}`}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      >
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="overlay-actions">
          <span className="muted small">{hint}</span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!canSubmit}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
