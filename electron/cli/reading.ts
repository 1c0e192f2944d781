// `tend trends` and `tend brief` (SPEC "Trends and the account brief", added 2026-12): thin over the
// router's trends.get and brief.get channels. The text forms are for a terminal; --json is the contract.
import { TRENDS_DEFAULT_MONTHS, TRENDS_MAX_MONTHS, type TrendMonth, type TrendsView } from '../../shared/contracts/trends';
import type { BriefData } from '../../shared/contracts/brief';
import { TOUCH_TYPES } from '../../shared/domain';
import { formatMoney, labelOf } from '../../shared/format';
import { FORECAST_WORDS } from '../../shared/money/words';
import { table } from './print';

const money = (cents: number, currency = 'USD') => formatMoney(cents, currency, true);
const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `--months N`: 1…24, default 12; an error names the value. */
export function monthsOption(text: string | undefined, usage: (message: string) => Error): number {
  if (text === undefined) return TRENDS_DEFAULT_MONTHS;
  const months = Number(text);
  if (!Number.isInteger(months) || months < 1 || months > TRENDS_MAX_MONTHS) {
    throw usage(`--months must be a whole number from 1 to ${TRENDS_MAX_MONTHS} (got "${text}").`);
  }
  return months;
}

/** `trends --json`: SPEC's keys first, then what the app adds (as-of, responses, small samples). */
export function trendsJson(view: TrendsView) {
  return {
    asOf: view.asOf,
    accounts: view.accounts,
    minSurveyResponses: view.minSurveyResponses,
    months: view.months.map((m) => ({
      month: m.month,
      arr: m.arr,
      logoChurnRate: m.logoChurnRate,
      grossRevenueRetention: m.grossRevenueRetention,
      netRevenueRetention: m.netRevenueRetention,
      netMrrChurnRate: m.netMrrChurnRate,
      nps: m.nps,
      npsResponses: m.npsResponses,
      csat: m.csat,
      ces: m.ces,
      incubationPipelineArr: m.incubationPipelineArr,
      triageArr: m.triageArr,
      bands: m.bands,
      withinCadence: m.withinCadence,
      execCoverage: m.execCoverage,
      touches: m.touches,
      asOf: m.asOf,
      toDate: m.toDate,
      csatResponses: m.csatResponses,
      cesResponses: m.cesResponses,
      smallSample: m.smallSample,
      activeAccounts: m.activeAccounts,
    })),
  };
}

/** A survey number with its responses; "small sample" when it stands on too few to steer by. */
function survey(value: number | null, responses: number, small: boolean, format: (v: number) => string): string {
  if (value === null) return '—';
  return `${format(value)} (${responses}${small ? ', small sample' : ''})`;
}

export function printTrends(view: TrendsView): string {
  if (view.accounts === 0) return `No accounts yet, so no trends (as of ${view.asOf}). Load the sample book with "tend demo" or import a CSV.`;
  const label = (m: TrendMonth) => (m.toDate ? `${m.month}*` : m.month);
  const lines = [`Portfolio trends, ${view.months.length} months through ${view.months.at(-1)!.month} (${plural(view.accounts, 'account')}, as of ${view.asOf})`, ''];
  lines.push(
    table(
      ['month', 'ARR', 'logo churn', 'GRR', 'NRR', 'net MRR churn', 'NPS (n)', 'CSAT (n)', 'CES (n)', 'incubation', 'triage'],
      view.months.map((m) => [
        label(m),
        money(m.arr),
        percent(m.logoChurnRate),
        percent(m.grossRevenueRetention),
        percent(m.netRevenueRetention),
        percent(m.netMrrChurnRate),
        survey(m.nps, m.npsResponses, m.smallSample.nps, String),
        survey(m.csat, m.csatResponses, m.smallSample.csat, (v) => `${v.toFixed(1)} %`),
        survey(m.ces, m.cesResponses, m.smallSample.ces, (v) => v.toFixed(2)),
        money(m.incubationPipelineArr),
        money(m.triageArr),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    table(
      ['month', 'active', 'healthy', 'watch', 'at risk', 'not enough data', 'within cadence', 'exec coverage', ...TOUCH_TYPES.map(labelOf)],
      view.months.map((m) => [
        label(m),
        String(m.activeAccounts),
        String(m.bands.healthy),
        String(m.bands.watch),
        String(m.bands.at_risk),
        String(m.bands.no_data),
        percent(m.withinCadence),
        percent(m.execCoverage),
        ...TOUCH_TYPES.map((t) => String(m.touches[t] ?? 0)),
      ]),
    ),
  );
  const notes = [];
  if (view.months.some((m) => m.toDate)) notes.push('* measured to date (the month is still running).');
  notes.push(`Survey numbers show their responses; below ${view.minSurveyResponses} a month is a small sample (Settings → KPIs).`);
  return [...lines, '', ...notes].join('\n');
}

const day = (date: string) => date.slice(0, 10);

/** The brief as plain text: the same facts, in the same order, as the panel and the PDF. */
export function printBrief(b: BriefData): string {
  const a = b.account;
  const cur = (cents: number) => money(cents, a.currency);
  const lines: string[] = [];
  const section = (title: string) => lines.push('', title);
  const more = (n: number, what: string) => n > 0 && lines.push(`  … and ${n} more ${what}`);

  lines.push(`${a.name} — account brief, ${b.asOf} (internal)`);
  lines.push(
    [labelOf(a.segment), labelOf(a.stage), `ARR ${cur(a.arrCents)}`, a.externalId ? `id ${a.externalId}` : '', a.industry ?? '']
      .filter(Boolean)
      .join(' · '),
  );
  if (a.archived) lines.push('Archived.');
  if (a.churnedOn) lines.push(`Churned on ${a.churnedOn}${a.churnReason ? ` (${labelOf(a.churnReason)})` : ''}.`);

  section('Renewal');
  const r = b.renewal;
  if (!r) lines.push('  No renewal date.');
  else {
    const when = r.inDays >= 0 ? `in ${plural(r.inDays, 'day')}` : `${plural(-r.inDays, 'day')} overdue`;
    lines.push(`  Due ${r.dueDate} (${when}); forecast: ${FORECAST_WORDS[r.forecast ?? 'none']}${r.open ? '' : ' (no renewal record open)'}`);
    lines.push(`  Expected ARR ${cur(r.expectedArrCents)}; weighted ${cur(r.weightedArrCents)}; health-adjusted ${cur(r.healthAdjustedArrCents)}`);
    if (r.disagreement) lines.push(`  ! ${r.disagreement}`);
  }

  section('Health');
  const h = b.health;
  if (!h) lines.push('  Not scored yet.');
  else {
    lines.push(
      `  ${h.score === null ? 'No score' : `Score ${h.score}`}, ${h.band === 'no_data' ? 'not enough data' : labelOf(h.band)} (confidence ${Math.round(h.confidence * 100)} %)${h.inTriage ? ', in triage' : ''}`,
    );
  }
  if (b.change30) lines.push(`  30 days: ${b.change30.summary}`);

  section(`Open flags (${b.flags.length + b.moreFlags})`);
  if (!b.flags.length) lines.push('  None.');
  for (const f of b.flags) lines.push(`  [${f.severity}] ${labelOf(f.rule)}: ${f.reason}${f.snoozedUntil ? ` (snoozed until ${f.snoozedUntil})` : ''}`);
  more(b.moreFlags, 'flags');
  const t = b.triageCase;
  if (t) {
    lines.push(
      `  Triage case since ${t.openedOn}${t.rootCause ? `, root cause ${labelOf(t.rootCause)}` : ''}${t.targetDate ? `, target ${t.targetDate}` : ''}${t.overdueDays > 0 ? ` (${t.overdueDays} days past target)` : ''}`,
    );
    lines.push(`    Plan: ${t.plan || '— no plan written yet'}`);
  }

  section(`Open follow-ups (${b.followUps.length + b.moreFollowUps})`);
  if (!b.followUps.length) lines.push('  None.');
  for (const f of b.followUps) lines.push(`  ${f.due}${f.overdueDays > 0 ? ` (${f.overdueDays}d late)` : ''}  ${f.title}`);
  more(b.moreFollowUps, 'follow-ups');

  section(`Last touches (${b.touches.length} of ${b.touchCount})`);
  if (!b.touches.length) lines.push('  No touches yet.');
  for (const x of b.touches) {
    lines.push(`  ${day(x.date)}  ${labelOf(x.type)}${x.people.length ? ` with ${x.people.join(', ')}` : ''}: ${x.summary}`);
    if (x.nextStep) lines.push(`    Next step: ${x.nextStep}${x.followUpDue ? ` (by ${x.followUpDue})` : ''}`);
  }

  section('Who is who');
  if (!b.people.length) lines.push('  No contacts.');
  for (const p of b.people) {
    const what = [p.title, labelOf(p.level), p.role ? labelOf(p.role) : null, p.isUser ? 'user' : null].filter(Boolean).join(', ');
    lines.push(`  ${p.name} — ${what}; strength ${p.strength}/4; last contact ${p.lastContact ?? 'never'}`);
  }
  more(b.morePeople, 'people');
  if (b.peopleLeft) lines.push(`  (${plural(b.peopleLeft, 'person')} left the company)`.replace('persons', 'people'));

  section('Open goals');
  if (!b.goals.length) lines.push('  None.');
  for (const g of b.goals) lines.push(`  ${g.goal}${g.target ? ` — ${g.target}` : ''} (${labelOf(g.status)}${g.dueDate ? `, due ${g.dueDate}` : ''})`);
  more(b.moreGoals, 'goals');

  section('Open opportunities');
  if (!b.opportunities.length) lines.push('  None.');
  for (const o of b.opportunities) lines.push(`  ${o.title} — ${cur(o.arrCents)} ARR, ${labelOf(o.stage)}${o.expectedClose ? `, close ${o.expectedClose}` : ''}`);
  more(b.moreOpportunities, 'opportunities');

  return lines.join('\n');
}
