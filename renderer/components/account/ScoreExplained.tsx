// The score, component by component: value, weight, contribution, and how fresh each input is.
import { COMPONENTS, type ComponentName } from '../../../shared/domain';
import { formatAge } from '../../../shared/format';
import type { HealthNow } from '../../../shared/contracts/account-page';
import { componentLabel } from '../../../shared/scoring/changes';

/** What a component's inputDate is the date of ("adoption sample 41 days old"). */
const INPUT_NOUN: Record<ComponentName, string> = {
  adoption: 'adoption sample',
  relationships: 'last contact',
  engagement: 'last contact',
  sentiment: 'latest pulse',
  survey: 'survey response',
  support: 'ticket count',
  financial: 'invoice status',
};

/** The header's score when there is nothing to score: grey, no number (SPEC "Not enough data"). */
export function NoDataScore() {
  return (
    <span className="score-side">
      <span className="score-badge band-no_data">Not enough data</span>
      <span className="muted small">confidence 0%</span>
    </span>
  );
}

export function ScoreExplained({ health, asOf }: { health: HealthNow; asOf: string }) {
  if (health.band === 'no_data') {
    return (
      <div className="no-data-explained">
        <p>
          <strong>Not enough data to score this account.</strong> It has no contacts, no touches, no metric samples and no
          survey responses yet, so Tend does not guess: it is not counted as at risk and not put in triage on its score
          (its flags still count).
        </p>
        <p className="muted small">
          Add a contact, log a touch (Ctrl/⌘+L) or import its activity, usage or survey results, and it is scored at once.
        </p>
      </div>
    );
  }
  const available = COMPONENTS.reduce((sum, name) => sum + (health.components[name]?.weight ?? 0), 0);
  return (
    <table className="explain" aria-label="Score explained">
      <thead>
        <tr>
          <th>Component</th>
          <th className="num">Score</th>
          <th className="num">Weight</th>
          <th className="num">Points</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {COMPONENTS.map((name) => {
          const c = health.components[name];
          if (!c) {
            return (
              <tr key={name} className="no-data">
                <td>{componentLabel(name)}</td>
                <td className="num muted">—</td>
                <td className="num muted">—</td>
                <td className="num muted">—</td>
                <td className="muted small">No data — left out; the other weights are renormalised</td>
              </tr>
            );
          }
          const band = c.score >= 75 ? 'healthy' : c.score >= 50 ? 'watch' : 'at_risk';
          return (
            <tr key={name}>
              <td>{componentLabel(name)}</td>
              <td className="num">
                <span className="meter" aria-hidden="true">
                  <span className={`meter-fill fill-${band}`} style={{ width: `${Math.max(2, c.score)}%` }} />
                </span>
                {Math.round(c.score)}
              </td>
              <td className="num muted">{available ? `${Math.round((c.weight / available) * 100)}%` : '—'}</td>
              <td className="num strong">{c.contribution.toFixed(1)}</td>
              <td className="why">
                <span>{c.detail}</span>
                {c.inputDate && (
                  <span className={`age ${ageClass(c.inputDate, asOf)}`}>
                    {INPUT_NOUN[name]} {formatAge(c.inputDate, asOf)}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ageClass(date: string, asOf: string): string {
  const days = (Date.parse(asOf) - Date.parse(date.slice(0, 10))) / 86_400_000;
  return days > 60 ? 'stale' : days > 30 ? 'aging' : 'fresh';
}
