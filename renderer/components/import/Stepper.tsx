// The wizard's four steps as a trail: done steps can be revisited, later ones wait for the current.
import type { WizardStep } from '../../stores/import';

const STEPS: { step: WizardStep; label: string }[] = [
  { step: 'source', label: 'File' },
  { step: 'mapping', label: 'Columns' },
  { step: 'preview', label: 'Preview' },
  { step: 'importing', label: 'Import' },
];

const ORDER: WizardStep[] = ['source', 'mapping', 'preview', 'importing', 'result'];

export function Stepper({ current, onGoTo }: { current: WizardStep; onGoTo(step: WizardStep): void }) {
  const at = Math.min(ORDER.indexOf(current), 3);
  const finished = current === 'result';
  return (
    <ol className="stepper" aria-label="Import steps">
      {STEPS.map(({ step, label }, i) => {
        const state = finished || i < at ? 'done' : i === at ? 'current' : 'todo';
        const canGo = state === 'done' && !finished && i < at;
        return (
          <li key={step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            {canGo ? (
              <button type="button" className="step-button" onClick={() => onGoTo(step)}>
                <span className="step-number" aria-hidden="true">✓</span>
                {label}
              </button>
            ) : (
              <span className="step-button">
                <span className="step-number" aria-hidden="true">{state === 'done' ? '✓' : i + 1}</span>
                {label}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
