// `tend triage` (SPEC "Triage cases"): list the cases, open one for an account in triage, update it,
// close it as recovered (or closed). Cases are only ever created by a command the CSM runs — the
// list shows the accounts in triage without a case as suggestions, and never opens one itself.
import { CHURN_REASONS, type ChurnReason } from '../../shared/domain';
import { isIsoDate } from '../../shared/dates';
import { formatMoney, labelOf } from '../../shared/format';
import type { TriageCaseView, TriageSuggestion } from '../../shared/contracts/triage';
import type { TriageCaseStats } from '../../shared/scoring';
import type { Services } from '../services';
import type { CliIo, Command } from './main';

export const TRIAGE_USAGE = `  triage [--status open|closed|all]
                            triage cases (open first), the accounts in triage without one, and
                            this month's opened / open / recovered / churned, save rate and
                            median days to recover
  triage open ACCOUNT [--root-cause R] [--plan TEXT] [--target YYYY-MM-DD]
                            open a case for an account (id, external id or name); its triggers
                            are the flags and band that put it in triage now
                            R: ${CHURN_REASONS.join(' | ')}
  triage update ACCOUNT [--root-cause R] [--plan TEXT] [--target YYYY-MM-DD]
                            change the open case of an account
  triage close ACCOUNT --outcome recovered|closed [--date YYYY-MM-DD]
                            close the open case of an account (a case closes as churned when the
                            account churns)`;

/** The options `tend triage` adds to the command line (merged into the CLI's own). */
export const TRIAGE_OPTIONS = {
  status: { type: 'string' },
  'root-cause': { type: 'string' },
  plan: { type: 'string' },
  target: { type: 'string' },
  outcome: { type: 'string' },
  date: { type: 'string' },
} as const;

/** What the command needs from the CLI around it (passed in, so this file does not import main.ts). */
export interface TriageCliHelpers {
  print(io: CliIo, json: boolean, data: unknown, human: () => string): void;
  findAccount(services: Services, which: string): { id: number; name: string };
  usage(message: string): Error;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const money = (cents: number) => formatMoney(cents, 'USD', true);
const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function statusOf(c: TriageCaseView): string {
  if (c.closedOn !== null) return `${c.outcome ?? 'closed'} ${c.closedOn}`;
  if (c.recovery?.suggest) return `open · out of triage ${c.recovery.daysOut} days: close as recovered?`;
  if (c.overdueDays > 0) return `open · ${c.overdueDays} day${c.overdueDays === 1 ? '' : 's'} past target`;
  return 'open';
}

export function printTriage(asOf: string, cases: TriageCaseView[], suggestions: TriageSuggestion[], month: { from: string; to: string; stats: TriageCaseStats }): string {
  const lines = [`Triage cases as of ${asOf}`, ''];
  if (cases.length === 0) lines.push('No triage cases yet.');
  else {
    lines.push(
      table(
        ['case', 'account', 'ARR', 'opened', 'target', 'root cause', 'status'],
        cases.map((c) => [
          String(c.id),
          cut(c.accountName, 32),
          money(c.arrCents),
          c.openedOn,
          c.targetDate ?? '—',
          c.rootCause ? labelOf(c.rootCause) : '—',
          statusOf(c),
        ]),
      ),
    );
  }
  if (suggestions.length) {
    lines.push('', `In triage without a case (open one with: tend triage open ACCOUNT):`);
    for (const s of suggestions) lines.push(`  ${s.accountName} (${money(s.arrCents)} ARR) — ${s.triggers.map((t) => t.reason).join('; ')}`);
  }
  const st = month.stats;
  lines.push(
    '',
    `${month.from} – ${month.to}: ${st.opened} opened, ${st.open} open, ${st.recovered} recovered, ${st.churned} churned` +
      `${st.closed ? `, ${st.closed} closed` : ''}; save rate ${st.saveRate === null ? '—' : `${Math.round(st.saveRate * 100)} %`}` +
      `; median days to recover ${st.medianDaysToRecover ?? '—'}`,
  );
  return lines.join('\n');
}

function rootCauseOf(value: string | undefined, h: TriageCliHelpers): ChurnReason | undefined {
  if (value === undefined) return undefined;
  const normal = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!(CHURN_REASONS as readonly string[]).includes(normal)) {
    throw h.usage(`--root-cause must be one of ${CHURN_REASONS.join(', ')} (got "${value}").`);
  }
  return normal as ChurnReason;
}

function dateOption(name: string, value: string | undefined, h: TriageCliHelpers): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw h.usage(`--${name} must be a date as YYYY-MM-DD (got "${value}").`);
  return value;
}

export function triageCommands(h: TriageCliHelpers): Record<string, Command> {
  return {
    triage: {
      creates: false,
      opens: true,
      async run({ io, json, router, services, positionals, options }) {
        const [action, ...rest] = positionals;
        const opts = options as Record<string, string | boolean | string[] | undefined>;
        const str = (key: string) => (typeof opts[key] === 'string' ? (opts[key] as string) : undefined);
        if (action === undefined || action === 'list') {
          const status = str('status') ?? 'all';
          if (status !== 'open' && status !== 'closed' && status !== 'all') throw h.usage(`--status must be open, closed or all (got "${status}").`);
          const listed = await router.call('triage.list', { status });
          h.print(io, json, listed, () => printTriage(listed.asOf, listed.cases, listed.suggestions, listed.month));
          return 0;
        }
        const which = rest.join(' ').trim();
        if (!which) throw h.usage(`tend triage ${action} needs an account: tend triage ${action} <account id, external id or name>`);
        const account = h.findAccount(services, which);
        const rootCause = rootCauseOf(str('root-cause'), h);
        const target = dateOption('target', str('target'), h);
        if (action === 'open') {
          const opened = await router.call('triage.open', { accountId: account.id, rootCause, plan: str('plan'), targetDate: target });
          h.print(io, json, opened, () =>
            [
              `Opened triage case ${opened.id} for ${account.name} on ${opened.openedOn}${opened.targetDate ? `, target ${opened.targetDate}` : ''}.`,
              ...opened.triggers.map((t) => `  trigger: ${t.reason}`),
            ].join('\n'),
          );
          return 0;
        }
        const { open } = await router.call('triage.forAccount', { accountId: account.id });
        if (!open) throw h.usage(`${account.name} has no open triage case. Open one with: tend triage open "${account.name}"`);
        if (action === 'update') {
          const patch = { rootCause, plan: str('plan'), targetDate: target };
          const updated = await router.call('triage.update', { id: open.id, patch });
          h.print(io, json, updated, () => `Updated triage case ${updated.id} of ${account.name}.`);
          return 0;
        }
        if (action === 'close') {
          const outcome = str('outcome');
          if (outcome !== 'recovered' && outcome !== 'closed') {
            throw h.usage('tend triage close needs --outcome recovered or --outcome closed (a case closes as churned when the account churns).');
          }
          const closed = await router.call('triage.close', { id: open.id, outcome, closedOn: dateOption('date', str('date'), h) });
          h.print(io, json, closed, () => `Closed triage case ${closed.id} of ${account.name} as ${closed.outcome} on ${closed.closedOn}.`);
          return 0;
        }
        throw h.usage(`Unknown triage action "${action}": use list, open, update or close.`);
      },
    },
  };
}
