// Due-reminder notifications (electron/shell/due-announcer.ts) over a real database and a stand-in
// for Electron's Notification that behaves like one: shown or not, clicked, closed, failed. A reminder
// is marked notified only once its notification was shown; notifications stay referenced until closed.
import { describe, expect, it } from 'vitest';
import { DueAnnouncer, MAX_SINGLE, type Toast } from '../../../electron/shell/due-announcer';
import { AS_OF, setup } from '../../helpers';

class StandInToast implements Toast {
  private listeners: Record<string, ((arg?: string) => void)[]> = {};
  shown = false;
  constructor(
    readonly title: string,
    readonly body: string,
  ) {}
  private on(event: string, listener: (arg?: string) => void) {
    (this.listeners[event] ??= []).push(listener);
  }
  onShow(listener: () => void) { this.on('show', listener); }
  onClick(listener: () => void) { this.on('click', listener); }
  onClose(listener: () => void) { this.on('close', listener); }
  onFailed(listener: (error: string) => void) { this.on('failed', (error) => listener(error ?? '')); }
  /** Electron's show() asks the OS; 'show' fires when the OS displays it (the test decides when). */
  show() {}
  emit(event: 'show' | 'click' | 'close' | 'failed', arg?: string) {
    if (event === 'show') this.shown = true;
    for (const listener of this.listeners[event] ?? []) listener(arg);
  }
}

async function harness() {
  const ctx = await setup();
  const toasts: StandInToast[] = [];
  const opened: string[] = [];
  const logged: string[] = [];
  let now = Date.parse(`${AS_OF}T09:00:00Z`);
  const announcer = new DueAnnouncer({
    makeToast: (title, body) => {
      const toast = new StandInToast(title, body);
      toasts.push(toast);
      return toast;
    },
    openToday: () => opened.push('today'),
    log: (message) => logged.push(message),
    now: () => now,
  });
  const reminders = ctx.services.reminders;
  const check = () => announcer.announce(reminders.unnotified(AS_OF), (ids) => reminders.markNotified(ids));
  return { ctx, reminders, announcer, toasts, opened, logged, check, later: (ms: number) => (now += ms) };
}

describe('due-reminder notifications', () => {
  it('marks a reminder notified only once its notification was shown; one never shown is announced again', async () => {
    const h = await harness();
    const task = h.reminders.create({ accountId: null, title: 'Send the renewal quote', due: AS_OF });
    expect(h.check()).toBe(1);
    expect(h.toasts[0]).toMatchObject({ title: 'Tend', body: 'Send the renewal quote' });
    // Not shown yet: not marked, and not announced a second time meanwhile.
    expect(h.reminders.unnotified(AS_OF).map((r) => r.id)).toEqual([task.id]);
    expect(h.check()).toBe(0);
    // The OS dropped it (it failed): announced again at the next check.
    h.toasts[0].emit('failed', 'Notification center unavailable');
    expect(h.logged[0]).toContain('Notification center unavailable');
    expect(h.check()).toBe(1);
    h.toasts[1].emit('show');
    expect(h.reminders.unnotified(AS_OF)).toEqual([]);
    expect(h.check()).toBe(0);
    expect(h.toasts).toHaveLength(2);
  });

  it('keeps each notification referenced until it closes, so a click still opens Today', async () => {
    const h = await harness();
    h.reminders.create({ accountId: null, title: 'Call the champion', due: AS_OF });
    h.reminders.create({ accountId: null, title: 'Book the QBR', due: AS_OF });
    h.check();
    expect(h.announcer.liveCount).toBe(2);
    h.toasts.forEach((t) => t.emit('show'));
    expect(h.announcer.liveCount).toBe(2);
    h.toasts[0].emit('click');
    expect(h.opened).toEqual(['today']);
    h.toasts[0].emit('close');
    expect(h.announcer.liveCount).toBe(1);
    // One that never reports closing is let go after a day.
    h.later(25 * 60 * 60 * 1000);
    h.check();
    expect(h.announcer.liveCount).toBe(0);
  });

  it('sums up more than a few due reminders in one notification, marked together once shown', async () => {
    const h = await harness();
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
    for (const title of titles) h.reminders.create({ accountId: null, title, due: AS_OF });
    expect(titles.length).toBeGreaterThan(MAX_SINGLE);
    expect(h.check()).toBe(1);
    expect(h.toasts[0].title).toBe('Tend: 5 things are due');
    expect(h.toasts[0].body).toBe('5 due today — One; Two…');
    expect(h.reminders.unnotified(AS_OF)).toHaveLength(5);
    h.toasts[0].emit('show');
    h.toasts[0].emit('show'); // Electron may emit 'show' again; marking is once.
    expect(h.reminders.unnotified(AS_OF)).toEqual([]);
  });

  it('marks the database the reminders came from, and says so in the log if that fails', async () => {
    const h = await harness();
    h.reminders.create({ accountId: null, title: 'Send notes', due: AS_OF });
    h.check();
    h.ctx.opened.close(); // The user opened another database before the notification showed.
    h.toasts[0].emit('show');
    expect(h.logged.join('\n')).toMatch(/Could not mark reminders \d+ notified/);
  });
});
