export function ErrorBanner({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <div className="error-banner" role="alert">
      <span>{message}</span>
      <button type="button" className="link-button" onClick={onClose} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}
