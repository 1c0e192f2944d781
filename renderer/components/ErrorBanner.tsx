export function ErrorBanner({ message, onClose, tone = 'error' }: { message: string; onClose: () => void; tone?: 'error' | 'notice' }) {
  return (
    <div className={tone === 'error' ? 'error-banner' : 'error-banner notice-banner'} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{message}</span>
      <button type="button" className="link-button" onClick={onClose} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}
