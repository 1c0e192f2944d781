// Due reminders as desktop notifications, with the bookkeeping Electron leaves to the app: each
// notification stays referenced until it closes (an unreferenced Notification is garbage-collected
// and its click handler with it), and a reminder is marked notified only once its notification was
// shown — one that failed or never appeared (the app quit first, the OS dropped it) is announced the
// next time. Plain code over a stand-in for Electron's Notification (test/unit/shell/due-announcer.test.ts).
import type { ReminderView } from '../services/reminders';

/** A notification as the announcer uses it; electron/notifications.ts adapts Electron's. */
export interface Toast {
  onShow(listener: () => void): void;
  onClick(listener: () => void): void;
  /** Closed by the user, the OS or a timeout (not guaranteed on every OS). */
  onClose(listener: () => void): void;
  /** Could not be shown (Electron: macOS and Windows). */
  onFailed(listener: (error: string) => void): void;
  show(): void;
}

export interface AnnouncerShell {
  makeToast(title: string, body: string): Toast;
  /** Bring the window forward and show Today. */
  openToday(): void;
  log(message: string): void;
  now(): number;
}

/** More than this at once become one summary notification instead of one each. */
export const MAX_SINGLE = 3;
/** A notification that never reported closing is let go after this long. */
const KEEP_AT_MOST_MS = 24 * 60 * 60 * 1000;

export class DueAnnouncer {
  /** Notifications not yet closed, with when they were made and the reminders they announce. */
  private readonly live = new Map<Toast, { made: number; ids: number[] }>();
  /** Reminders whose notification is out but not shown yet: not announced twice meanwhile. */
  private readonly pending = new Set<number>();

  constructor(private readonly shell: AnnouncerShell) {}

  get liveCount(): number {
    return this.live.size;
  }

  /**
   * Announces what is due and not yet notified; `markNotified` records the reminders of a
   * notification once it has been shown (bound to the database they came from).
   */
  announce(due: readonly ReminderView[], markNotified: (ids: number[]) => void): number {
    this.forgetStale();
    const fresh = due.filter((reminder) => !this.pending.has(reminder.id));
    if (fresh.length === 0) return 0;
    if (fresh.length <= MAX_SINGLE) {
      for (const r of fresh) this.toast(r.accountName ? `Tend · ${r.accountName}` : 'Tend', r.title, [r.id], markNotified);
      return fresh.length;
    }
    const overdue = fresh.filter((r) => r.overdueDays > 0).length;
    const body = `${overdue ? `${overdue} overdue, ` : ''}${fresh.length - overdue} due today — ${fresh
      .slice(0, 2)
      .map((r) => r.title)
      .join('; ')}…`;
    this.toast(`Tend: ${fresh.length} things are due`, body, fresh.map((r) => r.id), markNotified);
    return 1;
  }

  private toast(title: string, body: string, ids: number[], markNotified: (ids: number[]) => void): void {
    const toast = this.shell.makeToast(title, body);
    this.live.set(toast, { made: this.shell.now(), ids });
    for (const id of ids) this.pending.add(id);
    let shown = false;
    const unpend = () => ids.forEach((id) => this.pending.delete(id));
    toast.onShow(() => {
      if (shown) return;
      shown = true;
      try {
        markNotified(ids);
      } catch (err) {
        this.shell.log(`Could not mark reminders ${ids.join(', ')} notified: ${(err as Error).message}`);
      }
      unpend();
    });
    toast.onClick(() => this.shell.openToday());
    toast.onClose(() => {
      this.live.delete(toast);
      unpend();
    });
    toast.onFailed((error) => {
      this.shell.log(`A notification could not be shown (${error}); its reminders will be announced again.`);
      this.live.delete(toast);
      unpend();
    });
    toast.show();
  }

  private forgetStale(): void {
    const now = this.shell.now();
    for (const [toast, { made, ids }] of this.live) {
      if (now - made <= KEEP_AT_MOST_MS) continue;
      this.live.delete(toast);
      for (const id of ids) this.pending.delete(id);
    }
  }
}
