// Human-readable tables for the terminal (the --json output is the machine contract).
import type { AccountSummary } from '../../shared/contract';
import { formatMoney } from '../../shared/format';

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function printAccounts(list: AccountSummary[]): string {
  if (list.length === 0) return 'No accounts yet. Load the sample book with "tend demo" or import a CSV.';
  return table(
    ['id', 'name', 'segment', 'stage', 'mrr', 'score', 'band', 'flags'],
    list.map((a) => [
      String(a.id),
      a.name.length > 40 ? `${a.name.slice(0, 39)}…` : a.name,
      a.segment,
      a.stage,
      formatMoney(a.mrrCents, a.currency, true),
      a.score === null ? '—' : String(a.score),
      a.band ?? '—',
      a.flags.map((f) => f.rule).join(', '),
    ]),
  );
}
