// Step 2: the columns Tend did not map although their header suggested a field — each with the reason
// in the same words the CLI prints ("Size: 412 of 412 values are numbers, not segments") — and the
// conversions on offer (employee counts → segment), applied only when the user asks.
import type { MappingSuggestionView } from '../../../shared/contracts/imports';

export function MappingSuggestions({
  suggestions,
  onApply,
}: {
  suggestions: MappingSuggestionView[];
  onApply(column: string, field: string): void;
}) {
  if (!suggestions.length) return null;
  return (
    <section className="callout callout-info mapping-suggestions" aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">Not mapped automatically</h3>
      <ul>
        {suggestions.map((s) => (
          <li key={s.column} data-testid="mapping-suggestion">
            <span className="suggestion-reason">
              {s.reason ? (
                <>
                  {s.reason}, so it stays a custom field.
                </>
              ) : (
                <>
                  <strong>{s.column}</strong> looks like a count of employees.
                </>
              )}
            </span>
            {s.offer && (
              <span className="suggestion-offer">
                <button type="button" className="small-button" onClick={() => onApply(s.column, s.offer!.field)}>
                  {s.offer.label}
                </button>
                <span className="muted small">{s.offer.detail}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
