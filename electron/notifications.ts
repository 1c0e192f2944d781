// Desktop notifications for what becomes due: checked when the app starts and then once a day (a
// timer checks hourly whether the calendar date changed, so sleep and DST do not matter). Each
// reminder is announced once: reminders.takeUnnotified marks notified_at in the same transaction
// (a snoozed reminder is announced again when it wakes). Clicking a notification opens Today.
import { Notification } from 'electron';
import type { ReminderView } from './services/reminders';
import type { Services } from './services';

/** More than this at once become one summary notification instead of one each. */
const MAX_SINGLE = 3;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface NotificationHooks {
  getServices(): Services | null;
  /** Bring the window forward and show Today. */
  openToday(): void;
}

function show(title: string, body: string, hooks: NotificationHooks): void {
  const notification = new Notification({ title, body, silent: false });
  notification.on('click', () => hooks.openToday());
  notification.show();
}

export function notifyDue(hooks: NotificationHooks): ReminderView[] {
  const services = hooks.getServices();
  if (!services || !Notification.isSupported()) return [];
  services.reminders.refresh();
  const due = services.reminders.takeUnnotified();
  if (due.length === 0) return due;
  if (due.length <= MAX_SINGLE) {
    for (const r of due) show(r.accountName ? `Tend · ${r.accountName}` : 'Tend', r.title, hooks);
  } else {
    const overdue = due.filter((r) => r.overdueDays > 0).length;
    show(
      `Tend: ${due.length} things are due`,
      `${overdue ? `${overdue} overdue, ` : ''}${due.length - overdue} due today — ${due
        .slice(0, 2)
        .map((r) => r.title)
        .join('; ')}…`,
      hooks,
    );
  }
  return due;
}

/** Notifies now, then whenever the calendar date changes. Returns a stop function. */
export function startDueNotifications(hooks: NotificationHooks, today: () => string): () => void {
  let lastDay = today();
  const run = () => {
    try {
      notifyDue(hooks);
    } catch (err) {
      console.error('Due notifications failed:', err);
    }
  };
  run();
  const timer = setInterval(() => {
    const day = today();
    if (day !== lastDay) {
      lastDay = day;
      run();
    }
  }, CHECK_EVERY_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
