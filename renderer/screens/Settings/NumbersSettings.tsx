// Settings → Numbers and triage (issue 12): how many survey responses a KPI tile wants before it
// shows the month on its own, the trailing windows it tries otherwise (SPEC "Portfolio metrics"),
// and the two triage-case dates (SPEC "Triage cases": a new case's target, and when an account out
// of triage long enough is suggested as recovered).
import type { Settings } from '../../../shared/settings';
import { NumberField, type Errors, type Path } from './fields';

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

export function NumbersSettings({ draft, errors, onChange }: { draft: Settings; errors: Errors; onChange(path: Path, value: unknown): void }) {
  const field = { draft, errors, onChange };
  const windows = draft.kpis.surveyWindowDays;
  return (
    <section className="panel" aria-labelledby="numbers-settings-heading">
      <h2 id="numbers-settings-heading">Numbers and triage</h2>
      <p className="muted small section-hint">
        A month-to-date NPS of one response says little: a survey tile with fewer responses than this tries each window in turn
        (the last so many days) and uses the first with enough, saying which.
      </p>
      <div className="band-edges">
        <NumberField {...field} path={['kpis', 'minSurveyResponses']} label="Survey tiles want" suffix="responses" min={1} />
        {windows.map((_, i) => (
          <NumberField
            key={i}
            {...field}
            path={['kpis', 'surveyWindowDays', i]}
            label={`${ORDINALS[i] ?? `Window ${i + 1}:`} window`}
            suffix="days"
            min={1}
          />
        ))}
      </div>
      <div className="band-edges">
        <NumberField {...field} path={['triageCases', 'targetDays']} label="A triage case's target" suffix="days after it opens" min={1} />
        <NumberField {...field} path={['triageCases', 'recoveredAfterDays']} label="Suggest recovered after" suffix="days out of triage" min={1} />
      </div>
    </section>
  );
}
