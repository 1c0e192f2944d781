// Desktop notifications for what becomes due: checked when the app starts and then once a day (a
// timer checks hourly whether the calendar date changed, so sleep and DST do not matter). The
// bookkeeping — each notification kept referenced until it closes, a reminder marked notified only
// once its notification was shown — is electron/shell/due-announcer.ts; this adapts Electron's
// Notification to it. Clicking a notification opens Today.
import { Notification } from 'electron';
import { DueAnnouncer, type Toast } from './shell/due-announcer';
import type { Services } from './services';

const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface NotificationHooks {
  getServices(): Services | null;
  /** Bring the window forward (or open one) and show Today. */
  openToday(): void;
  log(message: string): void;
}

function electronToast(title: string, body: string): Toast {
  const notification = new Notification({ title, body, silent: false });
  return {
    onShow: (listener) => notification.on('show', () => listener()),
    onClick: (listener) => notification.on('click', () => listener()),
    onClose: (listener) => notification.on('close', () => listener()),
    onFailed: (listener) => notification.on('failed', (_event, error) => listener(error)),
    show: () => notification.show(),
  };
}

/** Notifies now, then whenever the calendar date changes. Returns a stop function. */
export function startDueNotifications(hooks: NotificationHooks, today: () => string): () => void {
  const announcer = new DueAnnouncer({ makeToast: electronToast, openToday: hooks.openToday, log: hooks.log, now: () => Date.now() });
  let lastDay = today();
  const run = () => {
    const services = hooks.getServices();
    if (!services || !Notification.isSupported()) return;
    try {
      services.reminders.refresh();
      // Marked in the database these came from, even if another one is open by the time they show.
      announcer.announce(services.reminders.unnotified(), (ids) => services.reminders.markNotified(ids));
    } catch (err) {
      hooks.log(`Due notifications failed: ${(err as Error).stack ?? String(err)}`);
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
