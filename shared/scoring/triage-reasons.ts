// Why an account is in triage, in words (issue 17.6: "85 · Healthy" under "This account is in
// triage" must explain itself). The same rule as triageSignals/isInTriage (SPEC "Flags"): each
// emergency or high flag that fires, an at-risk score, or stage triage — most severe first.
import type { AnyBand, FlagRule, Severity, Stage } from '../domain';
import { SEVERITIES } from '../domain';

export type TriageReason =
  | { kind: 'flag'; rule: FlagRule; severity: Severity; reason: string }
  | { kind: 'score'; score: number | null; band: AnyBand }
  | { kind: 'stage' };

export function triageReasons(
  health: { score: number | null; band: AnyBand },
  flags: readonly { rule: FlagRule; severity: Severity; reason: string }[],
  stage: Stage,
): TriageReason[] {
  const reasons: TriageReason[] = flags
    .filter((f) => f.severity === 'emergency' || f.severity === 'high')
    .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity))
    .map((f) => ({ kind: 'flag', rule: f.rule, severity: f.severity, reason: f.reason }));
  if (health.band === 'at_risk') reasons.push({ kind: 'score', score: health.score, band: health.band });
  if (stage === 'triage') reasons.push({ kind: 'stage' });
  return reasons;
}
