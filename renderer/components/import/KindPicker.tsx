// Step 1's six kinds as a radio group of cards: what each holds and the fields it takes.
import { useRef, type KeyboardEvent } from 'react';
import type { ImportKind } from '../../../shared/domain';
import { IMPORT_FIELDS, REQUIRED_FIELDS } from '../../../shared/import/fields';
import { KINDS, KIND_INFO } from '../../stores/import';

export function KindPicker({ kind, onChange }: { kind: ImportKind | null; onChange(kind: ImportKind): void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function onKeyDown(event: KeyboardEvent, index: number) {
    const delta = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + KINDS.length) % KINDS.length;
    onChange(KINDS[next]);
    refs.current[next]?.focus();
  }
  return (
    <div className="kind-grid" role="radiogroup" aria-label="What to import">
      {KINDS.map((k, i) => {
        const required = new Set(REQUIRED_FIELDS[k].flat());
        const checked = kind === k;
        return (
          <button
            key={k}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked || (!kind && i === 0) ? 0 : -1}
            className={`kind-card${checked ? ' selected' : ''}`}
            onClick={() => onChange(k)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <span className="kind-title">
              <span className="kind-radio" aria-hidden="true" />
              {KIND_INFO[k].title}
            </span>
            <span className="kind-description">{KIND_INFO[k].description}</span>
            <span className="kind-fields">
              {IMPORT_FIELDS[k].map((f) => (
                <span key={f.name} className={required.has(f.name) ? 'kind-field required' : 'kind-field'}>
                  {f.name}
                </span>
              ))}
            </span>
          </button>
        );
      })}
    </div>
  );
}
