// Step 3: the values of enum columns Tend does not know ("Customer", "Closed Won" in a stage column),
// each with how many rows hold it and a drop-down to say what it means — the rows are skipped until
// it is chosen. Values already mapped (now, or by a preset for these columns) are listed too, to
// change. The choices are saved with the preset and apply to re-imports (SPEC "Import fields").
import type { ImportPreviewView } from '../../../shared/contracts/imports';
import type { ImportKind } from '../../../shared/domain';
import { fieldSpec } from '../../../shared/import/fields';
import { choicesFor } from '../../../shared/import/value-maps';

/** The drop-down's value for "leave the cell empty" ('' means "not mapped"). */
const EMPTY = '(empty)';

const n = (x: number) => x.toLocaleString('en-US');
const rows = (x: number) => `${n(x)} row${x === 1 ? '' : 's'}`;

export function ValueMaps({
  kind,
  preview,
  onChange,
}: {
  kind: ImportKind;
  preview: ImportPreviewView;
  onChange(field: string, value: string, target: string | null): void;
}) {
  const mappedFields = new Set(Object.values(preview.mapping));
  const mapped = Object.entries(preview.valueMaps).filter(([field]) => mappedFields.has(field));
  if (!preview.unknownValues.length && !mapped.length) return null;
  const unknownRows = preview.unknownValues.reduce((sum, u) => sum + u.values.reduce((a, v) => a + v.count, 0), 0);
  const columnOf = (field: string) => Object.keys(preview.mapping).find((h) => preview.mapping[h] === field) ?? field;
  const labelOf = (field: string) => fieldSpec(kind, field)?.label ?? field;

  const select = (field: string, value: string, current: string | undefined) => {
    const spec = fieldSpec(kind, field);
    return (
      <select
        aria-label={`What "${value}" means (${labelOf(field)})`}
        value={current === undefined ? '' : current === '' ? EMPTY : current}
        onChange={(e) => onChange(field, value, e.target.value === '' ? null : e.target.value === EMPTY ? '' : e.target.value)}
      >
        <option value="">Not mapped (rows skipped)</option>
        {spec &&
          choicesFor(spec).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        <option value={EMPTY}>Leave the cell empty</option>
      </select>
    );
  };

  return (
    <section className={`value-maps-block${preview.unknownValues.length ? ' attention' : ''}`} aria-labelledby="values-title">
      <div className="section-title">
        <h3 id="values-title">{preview.unknownValues.length ? 'Values Tend does not know' : 'Values you mapped'}</h3>
        <span className="muted small">
          {preview.unknownValues.length
            ? `${rows(unknownRows)}${preview.counted ? '' : ' in the first rows'} are skipped until you say what each value means. Your choices are saved with the preset.`
            : 'Saved with the preset; they apply when these columns come back.'}
        </span>
      </div>
      <div className="value-maps">
        {preview.unknownValues.map((u) => (
          <table key={u.column} className="value-map-table" aria-label={`Unknown values of ${u.column}`}>
            <caption>
              <strong>{u.column}</strong> <span className="muted">→ {labelOf(u.field)}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Value in the file</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">Means</th>
              </tr>
            </thead>
            <tbody>
              {u.values.map((v) => (
                <tr key={v.value} className="unknown-value" data-testid="unknown-value">
                  <td className="value-cell" title={v.value}>
                    {v.value}
                  </td>
                  <td className="num">{n(v.count)}</td>
                  <td>{select(u.field, v.value, undefined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        {mapped.map(([field, values]) => (
          <table key={field} className="value-map-table" aria-label={`Mapped values of ${columnOf(field)}`}>
            <caption>
              <strong>{columnOf(field)}</strong> <span className="muted">→ {labelOf(field)} · mapped</span>
            </caption>
            <tbody>
              {Object.entries(values).map(([value, target]) => (
                <tr key={value}>
                  <td className="value-cell" title={value}>
                    {value}
                  </td>
                  <td>{select(field, value, target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
