// The customer copy of the QBR is something a CSM sends to the customer: for EVERY account of the
// sample book, its PDF is read back with pdftotext and checked against a deny-list of internal
// judgments (stage, segment and band names, relationship strengths and roles, flag names and
// reasons, pulse, triage, score components, private notes). What the CSM wrote to share — meeting
// summaries, goals, next steps marked shared — is taken out first: it is allowed by design.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_RULES, SEGMENTS, STAGES, STRENGTH_LABELS } from '../../shared/domain';
import { labelOf } from '../../shared/format';
import { qbrRoute, type QbrOptions } from '../../shared/print';
import { openPrinter, type Printer } from '../../electron/print/pdf';
import { setup, tempDir } from '../helpers';

const RENDERER = path.resolve('dist/renderer');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const pdfText = (file: string) => normalise(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));

/** Internal vocabulary that must never reach a customer (the stage "adoption" is also the usage metric the copy is about). */
const DENIED_WORDS = [
  ...STAGES.filter((s) => s !== 'adoption').map(labelOf),
  ...SEGMENTS.map(labelOf),
  ...['healthy', 'watch', 'at_risk'].map(labelOf),
  'not enough data',
  ...STRENGTH_LABELS.filter((s) => s !== 'none'),
  ...['champion', 'sponsor', 'decision_maker', 'influencer', 'detractor'].map(labelOf),
  ...FLAG_RULES.map(labelOf),
  ...FLAG_RULES,
  'flag',
  'pulse',
  'triage',
  'sentiment',
  'confidence',
  'relationships',
  'engagement',
  'financial',
  'overdue',
  'internal',
].map((w) => w.toLowerCase());

let tend: Awaited<ReturnType<typeof setup>>;
let printer: Printer;
const dir = tempDir('tend-customer-copy-');

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
  tend = await setup();
  await tend.router.call('demo.load', {});
  printer = await openPrinter({ router: tend.router, rendererDir: RENDERER });
}, 60_000);

afterAll(async () => {
  await printer?.close();
  tend?.opened.close();
});

async function customerCopy(options: QbrOptions) {
  const data = await tend.router.call('reports.customerQbr', options);
  const file = path.join(dir, `${options.accountId}-${options.includeHealth ? 'full' : 'plain'}.pdf`);
  await printer.print(qbrRoute(options), file, 'a4');
  return { data, text: pdfText(file) };
}

describe('the customer copy of the QBR', () => {
  it('names no internal judgment for any account of the sample book, even with the score and revenue included', async () => {
    const accounts = tend.services.accounts.list({ includeArchived: true });
    expect(accounts.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    const started = Date.now();
    // Three pages at a time: one browser, a page per document.
    for (let i = 0; i < accounts.length; i += 3) {
      await Promise.all(
        accounts.slice(i, i + 3).map(async (account) => {
          const { data, text } = await customerCopy({ accountId: account.id, audience: 'customer', includeHealth: true, includeRevenue: true });
          expect(text).toContain(normalise(account.name));
          // What the CSM wrote to share is allowed whatever words it uses; the rest must be clean.
          let rest = text;
          const shared = [
            account.name,
            data.csmName,
            ...data.meetings.held.flatMap((m) => [m.summary, m.people]),
            ...data.goals.flatMap((g) => [g.goal, g.measure, g.target]),
            ...data.nextSteps.map((n) => n.text),
          ]
            .map(normalise)
            .filter((s) => s.length > 0)
            .sort((a, b) => b.length - a.length);
          for (const s of shared) rest = rest.split(s).join(' ');
          for (const word of DENIED_WORDS) {
            if (new RegExp(`\\b${word.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}\\b`).test(rest)) leaks.push(`${account.name}: "${word}"`);
          }
          // Flag reasons and private notes, word for word.
          const reasons = tend.services.flags.listForAccount(account.id).map((f) => f.reason);
          const { notes } = tend.services.accounts.get(account.id).account;
          for (const secret of [...reasons, notes].map(normalise).filter((s) => s.length > 12)) {
            if (text.includes(secret)) leaks.push(`${account.name}: "${secret.slice(0, 60)}…"`);
          }
        }),
      );
    }
    console.log(`${accounts.length} customer copies printed and read back in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(leaks).toEqual([]);
  }, 900_000);

  it('shows the health score and the subscription changes only when the CSM includes them', async () => {
    const account = tend.services.accounts.list({}).find((a) => a.externalId === 'DEMO-012')!;
    const plain = await customerCopy({ accountId: account.id, audience: 'customer', from: '2026-01-01', to: '2026-11-24' });
    expect(plain.data.health).toBeNull();
    expect(plain.data.revenue).toBeNull();
    expect(plain.text).not.toContain('health score');
    expect(plain.text).not.toContain('subscription changes');
    const full = await customerCopy({ accountId: account.id, audience: 'customer', includeHealth: true, includeRevenue: true, from: '2026-01-01', to: '2026-11-24' });
    expect(full.text).toContain('health score');
    expect(full.text).toContain(String(full.data.health!.score));
    expect(full.text).toContain('subscription changes');
  }, 60_000);

  it('lists only the next steps the CSM shared, never a task made from a flag', async () => {
    const account = tend.services.accounts.list({}).find((a) => a.externalId === 'DEMO-012')!;
    const flag = tend.services.flags.listForAccount(account.id)[0];
    const fromFlag = await tend.router.call('reminders.create', { accountId: account.id, title: `Fix: ${flag.reason}`, due: '2026-12-01' });
    tend.opened.sqlite.prepare('UPDATE reminders SET flag_id = ? WHERE id = ?').run(flag.id, fromFlag.id);
    await expect(tend.router.call('reminders.share', { id: fromFlag.id, shared: true })).rejects.toThrow(/comes from a flag and stays internal/);
    const mine = await tend.router.call('reminders.create', { accountId: account.id, title: 'Send the rollout checklist to the team', due: '2026-12-05' });
    await tend.router.call('reminders.create', { accountId: account.id, title: 'Ask finance about the late PO', due: '2026-12-05' });
    await tend.router.call('reminders.share', { id: mine.id, shared: true });
    const touch = await tend.router.call('touches.log', {
      accountId: account.id,
      type: 'call',
      occurredAt: '2026-11-20',
      summary: 'Weekly check-in',
      nextStep: 'Pilot the new dashboard with two team leads',
      nextStepShared: true,
    });
    expect(touch.nextStepShared).toBe(true);
    await tend.router.call('touches.log', { accountId: account.id, type: 'call', occurredAt: '2026-11-21', summary: 'Call', nextStep: 'Escalate the invoice internally' });

    const { data, text } = await customerCopy({ accountId: account.id, audience: 'customer', from: '2026-10-01', to: '2026-11-24' });
    const steps = data.nextSteps.map((n) => n.text);
    expect(steps).toContain('Pilot the new dashboard with two team leads');
    expect(steps).toContain('Send the rollout checklist to the team');
    expect(steps).not.toContain('Escalate the invoice internally');
    expect(steps).not.toContain('Ask finance about the late PO');
    expect(steps.some((s) => s.includes(flag.reason))).toBe(false);
    expect(text).toContain('pilot the new dashboard with two team leads');
    expect(text).not.toContain('escalate the invoice internally');
  }, 60_000);

  it('is never served by the internal channel', async () => {
    await expect(tend.router.call('reports.qbr', { accountId: 1, audience: 'customer' })).rejects.toThrow(/customer copy has its own document/);
  });
});
