// Global overlays mounted once by App: quick capture (Ctrl/Cmd+L, or the menu), the command
// palette (Ctrl/Cmd+K, or the menu), New account (Ctrl/Cmd+N, or the menu) and the QBR export
// dialog, plus the confirmation toast after a capture.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { onMenu } from '../api';
import { isDialogOpen } from '../components/Dialog';
import { useCaptureStore } from '../stores/capture';
import { useNewAccountStore } from '../stores/newAccount';
import { usePaletteStore } from '../stores/palette';
import { useReportStore } from '../stores/report';
import { CommandPalette } from './CommandPalette';
import { MoneyDialogs } from '../components/money/MoneyDialogs';
import { NewAccount } from './NewAccount';
import { QbrExport } from './QbrExport';
import { QuickCapture } from './QuickCapture';
import { Shortcuts } from './Shortcuts';
import { Toast } from './Toast';
import './overlays.css';

/** The account the current screen shows, so quick capture can preselect it. */
function accountIdOf(pathname: string): number | null {
  const match = /^\/accounts\/(\d+)/.exec(pathname);
  return match ? Number(match[1]) : null;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || !!target.closest('input, textarea, select'));

export function Overlays() {
  const location = useLocation();
  const captureOpen = useCaptureStore((s) => s.open);
  const paletteOpen = usePaletteStore((s) => s.open);
  const newAccountOpen = useNewAccountStore((s) => s.open);
  const exportOpen = useReportStore((s) => s.exportDialog !== null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  useEffect(() => {
    const openCapture = () => {
      usePaletteStore.getState().close();
      useCaptureStore.getState().show(accountIdOf(location.pathname));
    };
    const openPalette = () => {
      useCaptureStore.getState().close();
      usePaletteStore.getState().show();
    };
    const openNewAccount = () => {
      useCaptureStore.getState().close();
      usePaletteStore.getState().close();
      useNewAccountStore.getState().show();
    };
    function onKey(event: KeyboardEvent) {
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !isTyping(event.target) && !isDialogOpen()) {
        event.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'l') {
        event.preventDefault();
        openCapture();
      } else if (key === 'n') {
        event.preventDefault();
        openNewAccount();
      } else if (key === 'k') {
        event.preventDefault();
        if (usePaletteStore.getState().open) usePaletteStore.getState().close();
        else openPalette();
      }
    }
    window.addEventListener('keydown', onKey);
    const unsubscribe = onMenu((command) => {
      if (command === 'open:quick-capture') openCapture();
      if (command === 'open:command-palette') openPalette();
      if (command === 'open:new-account') openNewAccount();
      if (command === 'open:shortcuts') setShortcutsOpen(true);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [location.pathname]);

  return (
    <>
      {captureOpen && <QuickCapture />}
      {paletteOpen && <CommandPalette />}
      {newAccountOpen && <NewAccount />}
      {exportOpen && <QbrExport />}
      {shortcutsOpen && <Shortcuts onClose={() => setShortcutsOpen(false)} />}
      <Toast />
      <MoneyDialogs />
    </>
  );
}
