// Aggregates for the portfolio charts from the (filtered) account list — display sums only; the
// scores, bands and triage come from the scoring service.
import type { AccountSummary } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import type { AnyBand } from '../../../shared/domain';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The label of the health distribution's own bucket for accounts without data (SPEC "Not enough data"). */
export const NO_DATA_BUCKET = 'No data';

export interface PortfolioChartData {
  scored: number;
  /** Accounts with band no_data: their own bucket, never a score of 0. */
  noData: number;
  totalArr: number;
  distribution: { label: string; healthy: number; watch: number; at_risk: number; no_data: number }[];
  arrByBand: { band: AnyBand; label: string; arr: number }[];
  pipelineVsTriage: { key: 'incubation' | 'triage'; label: string; arr: number; count: number }[];
  renewalsByMonth: { month: string; label: string; arr: number; count: number }[];
}

export function chartData(accounts: AccountSummary[], asOf: string): PortfolioChartData {
  const distribution = [
    { label: NO_DATA_BUCKET, healthy: 0, watch: 0, at_risk: 0, no_data: 0 },
    ...Array.from({ length: 10 }, (_, i) => ({ label: String(i * 10), healthy: 0, watch: 0, at_risk: 0, no_data: 0 })),
  ];
  const arrByBand: Record<AnyBand, number> = { healthy: 0, watch: 0, at_risk: 0, no_data: 0 };
  let scored = 0;
  let noData = 0;
  let totalArr = 0;
  const pipeline = { arr: 0, count: 0 };
  const triage = { arr: 0, count: 0 };
  const months: { month: string; label: string; arr: number; count: number }[] = [];
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1;
  for (let i = 0; i < 12; i++) {
    const yy = y + Math.floor((m + i) / 12);
    const mm = (m + i) % 12;
    months.push({ month: `${yy}-${String(mm + 1).padStart(2, '0')}`, label: MONTHS[mm], arr: 0, count: 0 });
  }
  const monthIndex = new Map(months.map((x, i) => [x.month, i]));
  const horizon = addDays(asOf, 366);
  for (const a of accounts) {
    if (a.stage === 'churned') continue;
    const arr = a.mrrCents * 12;
    totalArr += arr;
    if (a.band === 'no_data') {
      noData++;
      distribution[0].no_data++;
      arrByBand.no_data += arr;
    } else if (a.score !== null && a.band !== null) {
      scored++;
      distribution[1 + Math.min(9, Math.floor(a.score / 10))][a.band]++;
      arrByBand[a.band] += arr;
    }
    if (a.stage === 'incubation') {
      pipeline.arr += arr;
      pipeline.count++;
    }
    if (a.inTriage) {
      triage.arr += arr;
      triage.count++;
    }
    if (a.renewalDate && a.renewalDate >= asOf && a.renewalDate <= horizon) {
      const i = monthIndex.get(a.renewalDate.slice(0, 7));
      if (i !== undefined) {
        months[i].arr += arr;
        months[i].count++;
      }
    }
  }
  return {
    scored,
    noData,
    totalArr,
    distribution,
    arrByBand: [
      { band: 'healthy', label: 'Healthy', arr: arrByBand.healthy },
      { band: 'watch', label: 'Watch', arr: arrByBand.watch },
      { band: 'at_risk', label: 'At risk', arr: arrByBand.at_risk },
      { band: 'no_data', label: NO_DATA_BUCKET, arr: arrByBand.no_data },
    ],
    pipelineVsTriage: [
      { key: 'incubation', label: 'Incubation', ...pipeline },
      { key: 'triage', label: 'In triage', ...triage },
    ],
    renewalsByMonth: months,
  };
}
