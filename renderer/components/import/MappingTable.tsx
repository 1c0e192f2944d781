// Step 2: every CSV column, a sample of what it holds, and the field it lands in (or "keep as
// custom field" — nothing the client sent is dropped).
import type { ImportKind } from '../../../shared/domain';
import { IMPORT_FIELDS } from '../../../shared/import/fields';
import { CUSTOM } from '../../stores/import';

export function MappingTable({
  kind,
  headers,
  mapping,
  overrides,
  samples,
  onChange,
}: {
  kind: ImportKind;
  headers: string[];
  mapping: Record<string, string>;
  overrides: Record<string, string>;
  samples: string[];
  onChange(header: string, field: string): void;
}) {
  const fields = IMPORT_FIELDS[kind];
  return (
    <div className="mapping-table" role="table" aria-label="Column mapping">
      <div className="mapping-row mapping-head" role="row">
        <span role="columnheader">CSV column</span>
        <span role="columnheader">First value</span>
        <span role="columnheader">Lands in</span>
      </div>
      <div className="mapping-body">
        {headers.map((header, index) => {
          const field = mapping[header] ?? CUSTOM;
          const sample = samples[index] ?? '';
          return (
            <div key={`${index}:${header}`} role="row" className={`mapping-row${field ? ' mapped' : ''}${header in overrides ? ' changed' : ''}`}>
              <span role="cell" className="mapping-header" title={header}>
                <span className="map-dot" aria-hidden="true" />
                {header}
              </span>
              <span role="cell" className={sample ? 'mapping-sample' : 'mapping-sample muted'} title={sample}>
                {sample || 'empty'}
              </span>
              <span role="cell">
                <select aria-label={`Field for ${header}`} value={field} onChange={(e) => onChange(header, e.target.value)}>
                  <option value={CUSTOM}>Keep as custom field</option>
                  {fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
