// Sections the internal QBR and the customer copy lay out the same way. Each takes only the fields
// it shows, so the customer copy can pass its allow-listed rows without widening them.
import type { ReactNode } from 'react';
import type { GoalStatus, RevenueKind } from '../../../shared/domain';

interface GoalRow {
  goal: string;
  measure: string | null;
  target: string | null;
  dueDate: string | null;
  status: GoalStatus;
}

/** The success plan: every goal with how it is measured, its target, due date and status (as `status` words it). */
export function SuccessPlanSection({ goals, status }: { goals: GoalRow[]; status: (status: GoalStatus) => ReactNode }) {
  return (
    <section className="doc-section">
      <h2>Success plan</h2>
      {goals.length === 0 ? (
        <p className="muted small">No success goals recorded yet.</p>
      ) : (
        <table className="doc-table">
          <thead>
            <tr>
              <th>Goal</th>
              <th>How it is measured</th>
              <th>Target</th>
              <th>Due</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g, i) => (
              <tr key={i}>
                <td>{g.goal}</td>
                <td>{g.measure || '—'}</td>
                <td>{g.target || '—'}</td>
                <td className="nowrap">{g.dueDate ?? '—'}</td>
                <td className="nowrap">{status(g.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface RevenueRow {
  date: string;
  kind: RevenueKind;
  mrrDeltaCents: number;
}

/** Revenue movements of the period: date, what happened (as `kind` words it), the signed change. */
export function RevenueTable({ rows, kind, amount }: { rows: RevenueRow[]; kind: (kind: RevenueKind) => string; amount: (cents: number) => string }) {
  if (rows.length === 0) return <p className="muted small">No change to the subscription in the period.</p>;
  return (
    <table className="doc-table">
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td className="nowrap">{r.date}</td>
            <td>{kind(r.kind)}</td>
            <td className="num">
              {r.mrrDeltaCents >= 0 ? '+' : '−'}
              {amount(Math.abs(r.mrrDeltaCents))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
