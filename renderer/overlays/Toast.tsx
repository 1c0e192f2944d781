// The confirmation after a quick capture ("Touch logged on Acme · score 58 → 66"), gone after 5 s;
// spoken through the app's announcer.
import { useEffect } from 'react';
import { announce } from '../components/Announcer';
import { useNavigate } from 'react-router';
import { useCaptureStore } from '../stores/capture';

export function Toast() {
  const toast = useCaptureStore((s) => s.toast);
  const dismiss = useCaptureStore((s) => s.dismissToast);
  const navigate = useNavigate();
  useEffect(() => {
    if (toast) announce(toast.message);
  }, [toast]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, 5000);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-live="off">
      <span>{toast.message}</span>
      <button type="button" className="link-button" onClick={() => { navigate(`/accounts/${toast.accountId}`); dismiss(); }}>
        Open
      </button>
      <button type="button" className="link-button muted" aria-label="Dismiss" onClick={dismiss}>
        ✕
      </button>
    </div>
  );
}
