// The one dialog primitive (issue 18.4): every overlay and confirmation — command palette, quick
// capture, the shortcuts sheet, New account, QBR export, the money dialogs, import confirmations — is
// a native <dialog> opened with showModal(), so the browser makes the rest of the page inert (no
// click, no focus, hidden from screen readers). On top of that:
// - Tab and Shift+Tab cycle through the dialog's own controls and never leave it;
// - Escape closes it from any element inside (the close goes through `onClose`, so the store that
//   opened the dialog stays the one source of truth);
// - a press on the dimmed backdrop closes it;
// - closing returns focus to the control that opened it (or, for a dialog opened from another
//   dialog, to the control that opened that one);
// - it carries its own polite live region (a modal dialog hides the app's from screen readers).
// The children mount once the dialog is open, so `autoFocus` and focus-on-mount effects work.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { LiveRegion } from './Announcer';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The dialogs open now, oldest first, with the element each returns focus to. */
const open: { dialog: HTMLDialogElement; opener: HTMLElement | null }[] = [];

/** True while any dialog is open (screens' single-key shortcuts stand down). */
export function isDialogOpen(): boolean {
  return open.length > 0 || document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"]') !== null;
}

/** The controls Tab reaches inside `root`, in order: one stop per radio group, as the browser does. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.closest('[inert]') && (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0),
  );
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name && o.form === el.form);
    const checked = group.find((o) => o.checked);
    return checked ? el === checked : el === group[0];
  });
}

export function Dialog({
  label,
  role = 'dialog',
  className,
  describedBy,
  onClose,
  children,
}: {
  /** The dialog's accessible name ("Quick capture", "Undo import #3?"). */
  label: string;
  /** alertdialog for a confirmation that interrupts ("Undo this import?"). */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  describedBy?: string;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState(false);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    // Opened from inside another dialog (the palette's "New account"): return where that one would.
    const parent = active ? open.find((o) => o.dialog.contains(active)) : undefined;
    const entry = { dialog, opener: parent ? parent.opener : active };
    open.push(entry);
    if (!dialog.open) dialog.showModal();
    setShown(true);
    return () => {
      open.splice(open.indexOf(entry), 1);
      if (dialog.open) dialog.close();
      const { opener } = entry;
      if (opener?.isConnected && !open.some((o) => o.dialog.contains(opener))) opener.focus({ preventScroll: true });
    };
  }, []);

  // Focus starts on a control, never on the frame: the child's own choice if it made one (autoFocus),
  // else the element marked data-autofocus, else the first control. (The component that renders a
  // Dialog mounts before the Dialog's content, so a focus-on-mount effect there finds no element.)
  useEffect(() => {
    if (!shown) return;
    const dialog = ref.current!;
    const at = document.activeElement;
    if (at && at !== dialog && dialog.contains(at)) return;
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? tabStops(dialog)[0])?.focus();
  }, [shown]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeRef.current();
      return;
    }
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    // Tab order is ours inside the dialog: it cycles, and never reaches the page behind.
    const stops = tabStops(event.currentTarget);
    event.preventDefault();
    if (stops.length === 0) return;
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const next = at === -1 ? (event.shiftKey ? stops.length - 1 : 0) : (at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
    stops[next].focus();
  };

  return (
    <dialog
      ref={ref}
      role={role}
      aria-label={label}
      aria-describedby={describedBy}
      className={`dialog${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
      // Escape that reached the browser anyway (a native control let it through): close our way.
      onCancel={(event) => {
        event.preventDefault();
        closeRef.current();
      }}
      onMouseDown={(event) => {
        // The backdrop belongs to the <dialog> element itself; its content is a child box.
        if (event.target === event.currentTarget) closeRef.current();
      }}
    >
      {shown && children}
      <LiveRegion />
    </dialog>
  );
}
