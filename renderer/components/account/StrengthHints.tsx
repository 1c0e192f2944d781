// Relationship hints on the relationship map (issue 15, item 6): after captures show how often and
// how recently the CSM reaches each person, Tend suggests a higher strength for people reached
// often and recently and a lower one for "strong" people nobody reached in 90 days. Nothing changes
// until the CSM accepts one; Dismiss hides it until the person's strength changes.
import { describeStrengthChange } from '../../../shared/capture/hints';
import type { StrengthHintView } from '../../../shared/contracts/capture';

export function StrengthHints({ hints, onAccept, onDismiss }: { hints: StrengthHintView[]; onAccept(hint: StrengthHintView): void; onDismiss(hint: StrengthHintView): void }) {
  if (!hints.length) return null;
  return (
    <div className="strength-hints" aria-label="Relationship hints">
      <span className="strength-hints-title">Suggested from your captured meetings and e-mails</span>
      {hints.map((h) => (
        <div key={h.contactId} className="strength-hint" data-contact={h.contactId}>
          <span className={`strength-hint-arrow ${h.direction}`} aria-hidden="true">
            {h.direction === 'up' ? '↑' : '↓'}
          </span>
          <span>
            <strong>{h.name}</strong> {describeStrengthChange(h)} <span className="muted small">— {h.reason}</span>
          </span>
          <span className="strength-hint-actions">
            <button type="button" className="primary" onClick={() => onAccept(h)} aria-label={`Accept: ${h.name} ${describeStrengthChange(h)}`}>
              Accept
            </button>
            <button type="button" onClick={() => onDismiss(h)} aria-label={`Dismiss the hint for ${h.name}`}>
              Dismiss
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
