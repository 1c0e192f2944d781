// Field values as the preview and the CLI show them when an import updates a record: "MRR $1,200.00 →
// $1,500.00", "Notes 'Called Tom' → '' (kept: edited in Tend on 2026-11-20)". Values arrive as stored
// (cents, 0/1, JSON lists). Pure: the wizard and the CLI say the same.
import type { ImportKind } from '../domain';
import { formatMoney } from '../format';
import { fieldSpec } from './fields';

const STRENGTHS = ['none', 'weak', 'medium', 'strong', 'very strong'];

/** A stored value in words ('' for nothing). */
export function formatStoredValue(kind: ImportKind, field: string, value: unknown, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return '';
  const spec = fieldSpec(kind, field);
  if (!spec) return String(value); // a custom field: as the file wrote it
  switch (spec.type) {
    case 'money':
    case 'annualMoney':
      return typeof value === 'number' ? formatMoney(value, currency) : String(value);
    case 'boolean':
      return value === 1 || value === true ? 'yes' : 'no';
    case 'strength':
      return typeof value === 'number' ? `${value} (${STRENGTHS[value] ?? '?'})` : String(value);
    case 'domainList':
      try {
        return (JSON.parse(String(value)) as string[]).join('; ');
      } catch {
        return String(value);
      }
    default:
      return String(value);
  }
}

/** What a field is called in the preview: its label, or the CSV header of a custom field. */
export function fieldLabel(kind: ImportKind, field: string): string {
  const spec = fieldSpec(kind, field);
  return spec ? spec.label.replace(/ \(.*\)$/, '') : field;
}

export interface ShownChange {
  field: string;
  label: string;
  old: string;
  new: string;
  kept: boolean;
  /** When the CSM last edited it in the app (YYYY-MM-DD), if they did. */
  editedOn: string | null;
}

/** One change in words for the CLI: "MRR: $1,200.00 → $1,500.00" or "Notes: kept "Called Tom" (edited in Tend on 2026-11-20; the file says "…")". */
export function describeChange(change: ShownChange): string {
  const show = (text: string) => (text === '' ? 'empty' : `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`);
  if (change.kept) {
    const why = change.editedOn ? `edited in Tend on ${change.editedOn}` : 'Tend has a value';
    return `${change.label}: kept ${show(change.old)} (${why}; the file says ${show(change.new)})`;
  }
  return `${change.label}: ${show(change.old)} → ${show(change.new)}`;
}
