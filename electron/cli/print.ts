// Human-readable tables for the terminal (the --json output is the machine contract).
import type { AccountSummary } from '../../shared/contract';
import { formatMoney } from '../../shared/format';
import { periodLabel, surveyWindowLabel } from '../../shared/kpis';
import type { PortfolioMetrics } from '../../shared/scoring/types';
import type { ReminderView } from '../services/reminders';
import type { BatchRow, ImportRunResult } from '../services/importer';
import { describeChange } from '../../shared/import/display';
import { describeSuggestion } from '../../shared/import/judge';

export function table(headers: string[], rows: string[][]): string {
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
      a.band === 'no_data' ? 'not enough data' : (a.band ?? '—'),
      a.flags.map((f) => f.rule).join(', '),
    ]),
  );
}

interface ScoreLine {
  id: number;
  name: string;
  /** Null with band no_data (not enough data to score). */
  score: number | null;
  band: string;
  confidence: number;
  flags: { rule: string; severity: string; reason: string }[];
}

export function printScores(asOf: string, accounts: ScoreLine[]): string {
  if (accounts.length === 0) return `No accounts to score (as of ${asOf}).`;
  const lines = [`Scores as of ${asOf}`, ''];
  lines.push(
    table(
      ['id', 'name', 'score', 'band', 'confidence', 'flags'],
      accounts.map((a) => [
        String(a.id),
        a.name.length > 40 ? `${a.name.slice(0, 39)}…` : a.name,
        a.score === null ? '—' : String(a.score),
        a.band === 'no_data' ? 'not enough data' : a.band,
        a.confidence.toFixed(2),
        String(a.flags.length),
      ]),
    ),
  );
  const unscored = accounts.filter((a) => a.score === null).length;
  if (unscored) {
    lines.push('', `${unscored} account${unscored === 1 ? ' needs' : 's need'} data: no contacts, touches, metric samples or survey responses yet.`);
  }
  const flagged = accounts.filter((a) => a.flags.length);
  if (flagged.length) {
    lines.push('', 'Flags:');
    for (const a of flagged) for (const f of a.flags) lines.push(`  ${a.name} — ${f.severity} ${f.rule}: ${f.reason}`);
  }
  return lines.join('\n');
}

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

export function printMetrics(m: PortfolioMetrics): string {
  const money = (cents: number) => formatMoney(cents, 'USD', true);
  const w = m.surveyWindows;
  const responses = (n: number) => `(${n} response${n === 1 ? '' : 's'})`;
  return [
    `Portfolio metrics for ${periodLabel(m.month, m.period)}`,
    '',
    table(
      ['metric', 'value'],
      [
        ['Logo churn rate', percent(m.logoChurnRate)],
        ['Net MRR churn', percent(m.netMrrChurnRate)],
        ['Gross revenue retention', percent(m.grossRevenueRetention)],
        ['Net revenue retention', percent(m.netRevenueRetention)],
        ['NPS', m.nps === null ? '—' : `${m.nps} ${responses(m.npsResponses)}`],
        ['CSAT', m.csat === null ? '—' : `${m.csat.toFixed(1)} % ${responses(m.csatResponses)}`],
        ['CES', m.ces === null ? '—' : `${m.ces.toFixed(2)} ${responses(m.cesResponses)}`],
        ['NPS, window with enough responses', w.nps.value === null ? '—' : `${w.nps.value} (${surveyWindowLabel(w.nps, m.month)})`],
        ['CSAT, window with enough responses', w.csat.value === null ? '—' : `${w.csat.value.toFixed(1)} % (${surveyWindowLabel(w.csat, m.month)})`],
        ['Incubation pipeline (ARR)', money(m.incubationPipelineArr)],
        ['Triage value (ARR)', money(m.triageArr)],
        ['Renewals in 30 days', `${m.renewals.d30.count} · ${money(m.renewals.d30.arr)}`],
        ['Renewals in 60 days', `${m.renewals.d60.count} · ${money(m.renewals.d60.arr)}`],
        ['Renewals in 90 days', `${m.renewals.d90.count} · ${money(m.renewals.d90.arr)}`],
      ],
    ),
  ].join('\n');
}

export function printReminders(due: ReminderView[]): string {
  if (due.length === 0) return 'Nothing is due. Enjoy the quiet.';
  return table(
    ['due', 'account', 'reminder', 'source'],
    due.map((r) => [
      r.overdueDays > 0 ? `${r.due} (${r.overdueDays}d late)` : `${r.due} (today)`,
      r.accountName ?? '—',
      r.title.length > 70 ? `${r.title.slice(0, 69)}…` : r.title,
      r.source,
    ]),
  );
}

const rowsOf = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
/** The first updates printed with their changes (--json has the first 200). */
const PRINTED_UPDATES = 10;

export function printImport(r: ImportRunResult, backup: string | null): string {
  const would = r.dryRun ? 'would ' : '';
  const lines = [
    `${r.dryRun ? 'Dry run of' : 'Imported'} ${r.fileName} (${r.encoding}, ${r.delimiterName}-separated, ${r.dataRows} rows)${r.batchId ? ` as batch ${r.batchId}` : ''}:`,
    `  ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped`,
    ...r.conversions.map((c) => `  ${c}`),
    // The same reasons and offers the wizard shows on its mapping step.
    ...r.suggestions.map((s) => `  not mapped: ${describeSuggestion(s)}`),
    ...(r.customColumns.length ? [`  kept as custom fields: ${r.customColumns.join(', ')}`] : []),
    ...(r.churned ? [`  ${rowsOf(r.churned).replace(/rows?/, r.churned === 1 ? 'account' : 'accounts')} ${would}land churned, each with a churn event at its churn date`] : []),
    ...(r.defaults.length ? [`  new rows without a value ${would}get: ${r.defaults.map((d) => `${d.label.toLowerCase()} ${d.value} (${rowsOf(d.rows)})`).join(', ')}`] : []),
    // notes repeat the conversions (the wizard shows notes alone); print each once
    ...r.notes.filter((n) => !r.conversions.includes(n)).map((n) => `  note: ${n}`),
  ];
  if (r.unknownValues.length) {
    lines.push('', 'Values Tend does not know (their rows are skipped; say what each means with --value):');
    for (const u of r.unknownValues) {
      const shown = u.values.slice(0, 8).map((v) => `"${v.value}" (${rowsOf(v.count)})`);
      lines.push(`  ${u.column} → ${u.field}: ${shown.join(', ')}${u.values.length > 8 ? `, and ${u.values.length - 8} more` : ''}`);
      lines.push(`    --value "${u.field}:${u.values[0].value}=VALUE", VALUE one of ${u.choices.map((c) => c.value).join(', ')} (or nothing, to leave the cell empty)`);
    }
  }
  if (r.updates.length) {
    const more = r.updates.length > PRINTED_UPDATES ? ` — the first ${PRINTED_UPDATES}; --json lists up to 200` : '';
    lines.push('', `What ${r.dryRun ? 'would change' : 'changed'} in the records already in Tend (${rowsOf(r.updated)} updated${more}):`);
    for (const u of r.updates.slice(0, PRINTED_UPDATES)) {
      lines.push(`  row ${u.row}, ${u.record}:`);
      for (const c of u.changes) lines.push(`    ${describeChange(c)}`);
    }
  }
  if (r.kept.fields) {
    lines.push(
      '',
      `${r.kept.fields} field${r.kept.fields === 1 ? '' : 's'} in ${rowsOf(r.kept.rows)} ${r.dryRun ? 'would keep' : 'kept'} Tend's value (${
        r.updateMode === 'fill-empty' ? 'only empty fields are filled' : 'edited in Tend'
      }); --update overwrite writes the file's values instead.`,
    );
  }
  if (r.errors.length) {
    lines.push('', `Rows that did not import (${r.errors.length}):`);
    for (const e of r.errors.slice(0, 20)) lines.push(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
    if (r.errors.length > 20) lines.push(`  … and ${r.errors.length - 20} more (use --json for all of them)`);
  }
  if (r.batchId) lines.push('', `Undo it with: tend undo-import ${r.batchId}`);
  if (backup) lines.push(`A copy of the database from before the import: ${backup}`);
  return lines.join('\n');
}

export function printImports(batches: BatchRow[]): string {
  if (batches.length === 0) return 'No imports yet.';
  return table(
    ['id', 'file', 'kind', 'inserted', 'updated', 'skipped', 'finished', 'undone'],
    batches.map((b) => [
      String(b.id),
      b.fileName,
      b.kind,
      String(b.inserted),
      String(b.updated),
      String(b.skipped),
      b.finishedAt?.slice(0, 16).replace('T', ' ') ?? '—',
      b.undoneAt?.slice(0, 16).replace('T', ' ') ?? '',
    ]),
  );
}
