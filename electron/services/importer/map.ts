// Which column lands in which field: the automatic mapping (shared/import/fields.ts) confirmed by the
// columns' values (shared/import/judge.ts: a column whose values mostly do not read as the field its
// header suggests stays a custom field, with the reason and any conversion on offer), replaced by a
// saved preset when the same headers come back, then the user's own choices (the wizard, or the
// CLI's --map "CSV column=field") on top. Value maps (what an unknown value of an enum column
// means) come from the preset and the user too. Refuses — before the import reads on — a choice
// naming a column, field or value that does not exist, and a file missing a column the kind cannot
// do without.
import type { ImportKind, SurveyKind } from '../../../shared/domain';
import { TendError } from '../../../shared/errors';
import { judgeMapping, type MappingSuggestion } from '../../../shared/import/judge';
import { checkValueMap, mergeValueMaps, type ValueMaps } from '../../../shared/import/value-maps';
import type { SegmentByEmployees } from '../../../shared/import/values';
import {
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  autoMap,
  describeConversions,
  fieldSpec,
  normalizeHeader,
  impliedSurveyKind,
  type FieldSpec,
} from '../../../shared/import/fields';

/** A user's mapping: CSV header → field name; '' (or 'custom') keeps the column as a custom field. */
export type ColumnMapping = Record<string, string>;

export interface ColumnPlan {
  index: number;
  header: string;
  /** null: the column is kept as a custom field. */
  field: FieldSpec | null;
}

export interface MappingPlan {
  kind: ImportKind;
  headers: string[];
  columns: ColumnPlan[];
  /** The effective mapping, header → field (stored on the batch and in presets). */
  mapping: ColumnMapping;
  customColumns: string[];
  conversions: string[];
  /** The survey kind the score column's name implies when the file has no kind column. */
  impliedSurveyKind: SurveyKind | null;
  /** The preset applied, if any. */
  preset: string | null;
  /** Columns left custom although their header suggested a field (with why), and conversions on offer. */
  suggestions: MappingSuggestion[];
  /** field → value as written → what it means (the preset's, then the user's). */
  valueMaps: ValueMaps;
  /** The employee-count thresholds of the segments (Settings → Import). */
  edges: SegmentByEmployees;
}

/** What a preset keeps besides the mapping (import_presets.options). */
export interface PresetOptions {
  valueMaps?: ValueMaps;
  dateFormat?: 'dmy' | 'mdy';
}

export interface PlanOptions {
  fileName: string;
  preset?: { name: string; mapping: ColumnMapping; options?: PresetOptions } | null;
  overrides?: ColumnMapping;
  /** The user's value maps (the wizard's drop-downs, the CLI's --value), over the preset's. */
  valueMaps?: ValueMaps;
  /** The first data rows (cells in header order): the values that confirm the automatic mapping. */
  sample?: readonly (readonly string[])[];
  /** The sample stopped before the end of the file (the messages say "in the first 2,000 rows"). */
  sampled?: boolean;
  edges: SegmentByEmployees;
}

const CUSTOM_WORDS = new Set(['', 'custom', 'customfield', '-', 'none']);

function list(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}

function findHeader(headers: readonly string[], wanted: string): string | undefined {
  return (
    headers.find((h) => h === wanted) ??
    headers.find((h) => h.toLowerCase() === wanted.trim().toLowerCase()) ??
    headers.find((h) => normalizeHeader(h) === normalizeHeader(wanted) && normalizeHeader(wanted) !== '')
  );
}

function findField(kind: ImportKind, wanted: string): FieldSpec | null | undefined {
  if (CUSTOM_WORDS.has(wanted.trim().toLowerCase())) return null;
  const word = normalizeHeader(wanted);
  return IMPORT_FIELDS[kind].find((f) => f.name === wanted) ?? IMPORT_FIELDS[kind].find((f) => normalizeHeader(f.name) === word);
}

/** Resolves the mapping for a file's headers; throws TendError naming the problem and the fix. */
export function planMapping(kind: ImportKind, headers: string[], options: PlanOptions): MappingPlan {
  const { fileName } = options;
  const fieldNames = IMPORT_FIELDS[kind].map((f) => f.name);
  const valueMaps = planValueMaps(kind, options.preset?.options?.valueMaps, options.valueMaps);
  let mapping: ColumnMapping;
  let suggestions: MappingSuggestion[] = [];
  if (options.preset) {
    mapping = {};
    for (const [header, field] of Object.entries(options.preset.mapping)) {
      const found = findHeader(headers, header);
      if (found && fieldSpec(kind, field)) mapping[found] = field;
    }
  } else {
    // The headers suggest, the values confirm (or not: the column stays custom, and we say why).
    const judged = judgeMapping(kind, headers, autoMap(headers, kind).mapping, options.sample ?? [], {
      valueMaps,
      edges: options.edges,
      sampled: !!options.sampled,
    });
    mapping = judged.mapping;
    suggestions = judged.suggestions;
  }

  for (const [wantedHeader, wantedField] of Object.entries(options.overrides ?? {})) {
    const header = findHeader(headers, wantedHeader);
    if (!header) {
      throw new TendError(
        'invalid_input',
        `${fileName} has no column named "${wantedHeader}", so it cannot be mapped. Its columns are ${list(headers)}.`,
        { file: fileName, column: wantedHeader },
      );
    }
    const field = findField(kind, wantedField);
    if (field === undefined) {
      throw new TendError(
        'invalid_input',
        `"${wantedField}" is not a field of ${kind}. Map "${header}" to one of ${fieldNames.join(', ')} (or to "custom" to keep it as a custom field).`,
        { file: fileName, column: header, field: wantedField },
      );
    }
    delete mapping[header];
    if (field) {
      for (const other of Object.keys(mapping)) if (mapping[other] === field.name) delete mapping[other];
      mapping[header] = field.name;
    }
    // The user decided about this column: no more reasons or offers for it.
    suggestions = suggestions.filter((s) => s.column !== header);
  }

  const mapped = new Set(Object.values(mapping));
  if (kind === 'accounts' && mapped.has('mrr') && mapped.has('arr')) {
    throw new TendError(
      'invalid_input',
      `Both an MRR and an ARR column are mapped in ${fileName}; map only one of them (the other stays a custom field).`,
      { file: fileName },
    );
  }
  const implied = kind === 'surveys' ? impliedSurveyKind(mapping, fileName) : null;
  const kindFromFile = implied?.from === 'file' ? implied.kind : null;

  for (const alternatives of REQUIRED_FIELDS[kind]) {
    if (alternatives.some((f) => mapped.has(f))) continue;
    if (kind === 'surveys' && alternatives.includes('kind') && implied) continue;
    const specs = alternatives.map((f) => fieldSpec(kind, f)!);
    const looked = [...new Set(specs.flatMap((s) => [s.name, ...s.synonyms]))];
    const what = alternatives.length > 1 ? `${alternatives.join(' or ')}` : alternatives[0];
    const extra =
      kind === 'surveys' && alternatives.includes('kind')
        ? ' (or name the score column, or the file, NPS, CSAT or CES)'
        : '';
    // A column whose header fitted but whose values did not: say so, it is the likeliest fix.
    const judged = suggestions.filter((s) => s.field !== null && alternatives.includes(s.field)).map((s) => s.reason);
    const why = judged.length ? ` (${judged.join('; ')})` : '';
    throw new TendError(
      'invalid_input',
      `${fileName} has no column Tend can use for ${what} — it looked for ${list(looked, 8)}${why}. Its columns are ${list(headers)}. Choose the column in the wizard, or pass --map "Your column=${alternatives[0]}"${extra}.`,
      { file: fileName, missing: alternatives, mapping, suggestions },
    );
  }

  const columns: ColumnPlan[] = headers.map((header, index) => ({
    index,
    header,
    field: header in mapping ? (fieldSpec(kind, mapping[header]) ?? null) : null,
  }));
  return {
    kind,
    headers,
    columns,
    mapping,
    customColumns: columns.filter((c) => !c.field).map((c) => c.header),
    conversions: [
      ...describeConversions(kind, mapping, options.edges),
      ...(kindFromFile ? [`${implied!.scoreHeader} → kind: every response is ${kindFromFile} (named by the file ${fileName})`] : []),
    ],
    impliedSurveyKind: implied?.kind ?? null,
    preset: options.preset?.name ?? null,
    suggestions,
    valueMaps,
    edges: options.edges,
  };
}

/**
 * The value maps in force: the preset's (a field that no longer takes a map is skipped), then the
 * user's — which are checked, so a --value naming a field or value that does not exist is refused.
 */
function planValueMaps(kind: ImportKind, preset: ValueMaps | undefined, user: ValueMaps | undefined): ValueMaps {
  const out: ValueMaps = {};
  for (const [field, map] of Object.entries(preset ?? {})) {
    const spec = fieldSpec(kind, field);
    const checked = spec ? checkValueMap(spec, map) : null;
    if (checked && 'map' in checked) out[field] = checked.map;
  }
  const checkedUser: ValueMaps = {};
  for (const [field, map] of Object.entries(user ?? {})) {
    const spec = fieldSpec(kind, field);
    if (!spec) {
      throw new TendError(
        'invalid_input',
        `"${field}" is not a field of ${kind}, so its values cannot be mapped. Name a field the way --map does, like --value "stage:Customer=adoption".`,
        { field },
      );
    }
    const checked = checkValueMap(spec, map);
    if ('error' in checked) throw new TendError('invalid_input', `The values of ${field} cannot be mapped that way: ${checked.error}.`, { field });
    checkedUser[field] = checked.map;
  }
  return mergeValueMaps(out, checkedUser);
}
