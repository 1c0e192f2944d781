// "What changed": compares two health snapshots of one account component by component, so the
// account page can say which component moved the score, by how much, and why ("Engagement −9 pts:
// last touch 12 days ago → last touch 41 days ago"). Pure: snapshots in, explanation out.
//
// A component's effect on the score is its contribution (weight × score / available weight). When a
// component appears or disappears, the weights of the others are renormalised, so contributions
// shift even where a component's own score did not; that is reported as it is, and the component
// that appeared or disappeared says so in its reason.
import { COMPONENTS, type AnyBand, type ComponentName } from '../domain';
import type { ComponentResult } from './types';

/** What a health snapshot stores (health_snapshots row, components parsed). */
export interface SnapshotLike {
  date: string;
  /** Null when the account had not enough data to be scored (band no_data). */
  score: number | null;
  band: AnyBand;
  confidence: number;
  components: Partial<Record<ComponentName, ComponentResult | null>>;
}

export interface ComponentChange {
  component: ComponentName;
  /** Component score 0–100 before/after; null when it had no data. */
  before: number | null;
  after: number | null;
  /** Points of the health score this component supplied before/after. */
  contributionBefore: number;
  contributionAfter: number;
  /** contributionAfter − contributionBefore, one decimal. */
  delta: number;
  /** Plain words: what the input said then and now. */
  reason: string;
}

export interface ScoreChange {
  from: string;
  to: string;
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** scoreAfter − scoreBefore (rounded scores); null when either had not enough data. */
  scoreDelta: number | null;
  bandBefore: AnyBand;
  bandAfter: AnyBand;
  /** Components whose contribution moved, largest absolute move first. */
  components: ComponentChange[];
  /** The component that moved the score most in the score's direction, or null when nothing moved. */
  driver: ComponentName | null;
  /** One sentence for the header of the panel. */
  summary: string;
}

/** Moves smaller than this (in score points) are noise from renormalisation rounding. */
const EPSILON = 0.05;

const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

const NAMES: Record<ComponentName, string> = {
  adoption: 'Adoption',
  relationships: 'Relationships',
  engagement: 'Engagement',
  sentiment: 'Sentiment',
  survey: 'Survey',
  support: 'Support',
  financial: 'Financial',
};

export const componentLabel = (name: ComponentName): string => NAMES[name];

function reasonFor(before: ComponentResult | null | undefined, after: ComponentResult | null | undefined): string {
  if (!before && after) return `now has data: ${after.detail}`;
  if (before && !after) return `no longer has data (was ${before.detail})`;
  if (!before || !after) return '';
  if (Math.abs(after.score - before.score) < EPSILON) {
    if (Math.abs(after.weight - before.weight) >= EPSILON) return `weight ${fmt(before.weight)} → ${fmt(after.weight)}`;
    return 'same score; other components gained or lost weight';
  }
  if (before.detail === after.detail) return `${fmt(before.score)} → ${fmt(after.score)}`;
  return `${before.detail} → ${after.detail}`;
}

const fmt = (x: number): string => String(oneDecimal(x));

function signed(x: number): string {
  const v = oneDecimal(x);
  return v > 0 ? `+${v}` : v < 0 ? `−${Math.abs(v)}` : '0';
}

/** Compares the snapshot `before` with the later snapshot `after`. */
export function compareSnapshots(before: SnapshotLike, after: SnapshotLike): ScoreChange {
  const components: ComponentChange[] = [];
  for (const name of COMPONENTS) {
    const b = before.components[name] ?? null;
    const a = after.components[name] ?? null;
    const contributionBefore = b?.contribution ?? 0;
    const contributionAfter = a?.contribution ?? 0;
    const delta = contributionAfter - contributionBefore;
    const presenceChanged = (b === null) !== (a === null);
    if (Math.abs(delta) < EPSILON && !presenceChanged) continue;
    components.push({
      component: name,
      before: b ? oneDecimal(b.score) : null,
      after: a ? oneDecimal(a.score) : null,
      contributionBefore: oneDecimal(contributionBefore),
      contributionAfter: oneDecimal(contributionAfter),
      delta: oneDecimal(delta),
      reason: reasonFor(b, a),
    });
  }
  components.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || COMPONENTS.indexOf(x.component) - COMPONENTS.indexOf(y.component));

  const scoreDelta = after.score === null || before.score === null ? null : after.score - before.score;
  const direction = Math.sign(scoreDelta ?? 0);
  const driver =
    direction === 0
      ? (components[0]?.component ?? null)
      : (components.find((c) => Math.sign(c.delta) === direction)?.component ?? null);

  let summary: string;
  if (before.score === null && after.score === null) summary = `Not enough data to score since ${before.date}.`;
  else if (before.score === null) summary = `Not enough data on ${before.date}; now scored ${after.score}.`;
  else if (after.score === null) summary = `Not enough data to score now; it was ${before.score} on ${before.date}.`;
  else if (components.length === 0) summary = `No change since ${before.date}.`;
  else if (scoreDelta === 0) summary = `Score unchanged since ${before.date}; components shifted.`;
  else {
    const main = components.find((c) => c.component === driver);
    summary = `Score ${signed(scoreDelta ?? 0)} since ${before.date}${main ? `, mostly ${NAMES[main.component].toLowerCase()} (${signed(main.delta)} pts)` : ''}.`;
  }
  if (before.band !== after.band && before.score !== null && after.score !== null) {
    summary += ` Band ${before.band.replace('_', ' ')} → ${after.band.replace('_', ' ')}.`;
  }

  return {
    from: before.date,
    to: after.date,
    scoreBefore: before.score,
    scoreAfter: after.score,
    scoreDelta,
    bandBefore: before.band,
    bandAfter: after.band,
    components,
    driver,
    summary,
  };
}

/** The latest snapshot dated on or before `date` from a list sorted by date ascending, or null. */
export function snapshotOnOrBefore<T extends { date: string }>(sortedAsc: T[], date: string): T | null {
  let found: T | null = null;
  for (const snapshot of sortedAsc) {
    if (snapshot.date <= date) found = snapshot;
    else break;
  }
  return found;
}
