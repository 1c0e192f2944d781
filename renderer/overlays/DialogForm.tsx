// A modal form over a dimmed backdrop: a click on the backdrop or Escape closes it; Enter (a submit)
// and Ctrl/Cmd+Enter from any field save it. Below the fields: the error, if any, then the key hint,
// Cancel and the submit button. Quick capture and New account are built on it.
import type { ReactNode } from 'react';

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
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        role="dialog"
        aria-modal="true"
        aria-label={label}
        className={`overlay ${className}`}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
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
    </div>
  );
}
