// Step 3: the first rows as they will land — each mapped column with its converted value, every bad
// cell marked with why — virtualized (@tanstack/react-virtual) so a long preview stays smooth.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ImportPreviewView } from '../../../shared/contracts/imports';
import type { ImportKind } from '../../../shared/domain';
import { fieldSpec } from '../../../shared/import/fields';
import { formatMoney } from '../../../shared/format';

const ROW = 40;
const OUTCOME_LABEL = { new: 'New', updated: 'Update', unchanged: 'Unchanged', error: 'Error' } as const;

type PreviewRow = ImportPreviewView['rows'][number];

/** Fields that are read into others, so the preview shows the cell as written (a name's parts, a status, employee counts). */
const SHOWN_AS_WRITTEN = new Set(['accountStatus', 'employees']);
const PARTS = new Set(['firstName', 'lastName']);

/** A landed value in words: money in dollars, booleans yes/no, lists with "; ". */
function landed(kind: ImportKind, field: string, row: PreviewRow, raw: string): string {
  if (!row.values) return raw;
  const spec = fieldSpec(kind, field);
  if (spec?.type === 'employees' && typeof row.values.segment === 'string') return `${raw.trim()} → ${row.values.segment}`;
  if (spec && (SHOWN_AS_WRITTEN.has(spec.type) || PARTS.has(spec.name))) return raw.trim();
  const key = spec?.type === 'annualMoney' ? 'mrr' : field;
  const value = row.values[key];
  if (value === undefined || value === null) return '';
  const currency = typeof row.values.currency === 'string' ? row.values.currency : 'USD';
  if ((spec?.type === 'money' || spec?.type === 'annualMoney') && typeof value === 'number') {
    // A churned account lands with MRR 0; its churn event carries what it lost.
    if (typeof row.values.lostMrr === 'number' && row.values.lostMrr > 0) return `churned · −${formatMoney(row.values.lostMrr, currency)}/mo`;
    return `${formatMoney(value, currency)}${spec.type === 'annualMoney' ? ' /mo' : ''}`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

export function PreviewTable({ kind, preview }: { kind: ImportKind; preview: ImportPreviewView }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = preview.headers
    .map((header, index) => ({ header, index, field: preview.mapping[header] }))
    .filter((c) => c.field);
  const template = `64px 104px minmax(280px, 1.6fr) ${columns.map(() => 'minmax(150px, 1fr)').join(' ')}`;
  const minWidth = 64 + 104 + 280 + columns.length * 150 + (columns.length + 3) * 12 + 32;
  const virtualizer = useVirtualizer({
    count: preview.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
  });

  // tabIndex: the rows scroll, so the keyboard can scroll them too (arrows, Page Up/Down).
  return (
    <div className="preview-table" ref={scrollRef} tabIndex={0} role="table" aria-label="Rows as they will land" aria-rowcount={preview.rows.length + 1}>
      <div className="preview-row preview-head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
        <span role="columnheader">Row</span>
        <span role="columnheader">Outcome</span>
        <span role="columnheader">Problem</span>
        {columns.map((c) => (
          <span role="columnheader" key={c.index} title={`${c.header} → ${c.field}`}>
            {fieldSpec(kind, c.field)?.label ?? c.field}
            <span className="preview-from">{c.header}</span>
          </span>
        ))}
      </div>
      <div className="preview-canvas" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = preview.rows[item.index];
          const bad = new Map(row.errors.map((e) => [e.column, e.message]));
          const changes = new Map(row.changes.map((ch) => [ch.field, ch]));
          return (
            <div
              key={row.row}
              role="row"
              aria-rowindex={item.index + 2}
              data-row={row.row}
              className={`preview-row outcome-${row.outcome}`}
              style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, minWidth }}
            >
              <span role="cell" className="num muted">
                {row.row}
              </span>
              <span role="cell">
                <span className={`outcome-badge outcome-badge-${row.outcome}`}>{OUTCOME_LABEL[row.outcome]}</span>
              </span>
              <span role="cell" className="preview-problem" title={row.errors.map((e) => `${e.column || 'Row'}: ${e.message}`).join('\n')}>
                {row.errors.length ? `${row.errors[0].column ? `${row.errors[0].column}: ` : ''}${row.errors[0].message}` : ''}
                {row.errors.length > 1 && <span className="muted"> (+{row.errors.length - 1} more)</span>}
              </span>
              {columns.map((c) => {
                const raw = row.cells[c.index] ?? '';
                const why = bad.get(c.header);
                const text = why ? raw : landed(kind, c.field, row, raw);
                // An update shows what it replaces: old → new (or Tend's value, kept).
                const change = !why ? changes.get(fieldSpec(kind, c.field)?.type === 'annualMoney' ? 'mrr' : c.field) : undefined;
                if (change) {
                  return (
                    <span
                      role="cell"
                      key={c.index}
                      className={`preview-cell changed-cell${change.kept ? ' kept-cell' : ''}`}
                      title={
                        change.kept
                          ? `Kept: ${change.old || 'empty'} (${change.editedOn ? `edited in Tend on ${change.editedOn}` : 'Tend has a value'}); the file says ${change.new || 'empty'}`
                          : `${change.old || 'empty'} → ${change.new || 'empty'}`
                      }
                    >
                      {change.kept ? (
                        <>
                          {change.old || '—'} <span className="kept-tag">kept</span>
                        </>
                      ) : (
                        <>
                          <s className="muted">{change.old || 'empty'}</s> → {change.new || 'empty'}
                        </>
                      )}
                    </span>
                  );
                }
                return (
                  <span
                    role="cell"
                    key={c.index}
                    className={why ? 'preview-cell bad-cell' : 'preview-cell'}
                    title={why ? `${raw || '(empty)'} — ${why}` : text}
                    aria-invalid={why ? true : undefined}
                  >
                    {text || <span className="muted">{why ? '(empty)' : '—'}</span>}
                  </span>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
