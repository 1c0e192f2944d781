// Value maps (SPEC "Import fields", added 2026-12): what the user says an unknown value of an enum
// column means — "Customer" → adoption, "Gold" → enterprise, "N/A" → leave empty. Chosen per value in
// the wizard's preview (a drop-down each) or with the CLI's --value "stage:Customer=adoption", saved
// with the preset and applied again on re-import. Keys are the field names --map takes; values are
// matched ignoring case, spaces and punctuation, as every enum is. Pure: the wizard and the service
// share it.
import {
  CHURN_REASONS,
  CONTACT_LEVELS,
  CONTACT_ROLES,
  REVENUE_KINDS,
  SEGMENTS,
  STAGES,
  SURVEY_KINDS,
  TOUCH_TYPES,
} from '../domain';
import type { FieldSpec, FieldType } from './fields';
import {
  ACCOUNT_STATUSES,
  normalizeWord,
  parseAccountStatus,
  parseBoolean,
  parseChurnReason,
  parseContactLevel,
  parseContactRole,
  parseCurrency,
  parseRevenueKind,
  parseSegment,
  parseSentiment,
  parseStage,
  parseStrength,
  parseSurveyKind,
  parseTouchType,
  type Parsed,
} from './values';

/** field → value as written in the file → what it means ('' : leave the cell empty). */
export type ValueMaps = Record<string, Record<string, string>>;

export interface Choice {
  value: string;
  label: string;
}

interface MappableType {
  /** The plural the messages use ("412 of 412 values are numbers, not segments"). */
  noun: string;
  choices: readonly Choice[];
  parse(text: string): Parsed<unknown>;
}

const choices = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: value.replace(/_/g, ' ') }));

/** The enum-like field types: a closed set of values, so an unknown value can be mapped to one of them. */
export const MAPPABLE_TYPES: Partial<Record<FieldType, MappableType>> = {
  segment: { noun: 'segments', choices: choices(SEGMENTS), parse: parseSegment },
  stage: { noun: 'lifecycle stages', choices: choices(STAGES), parse: parseStage },
  accountStatus: { noun: 'account statuses (active or churned)', choices: choices(ACCOUNT_STATUSES), parse: parseAccountStatus },
  churnReason: { noun: 'churn reasons', choices: choices(CHURN_REASONS), parse: parseChurnReason },
  level: { noun: 'contact levels', choices: choices(CONTACT_LEVELS), parse: parseContactLevel },
  role: { noun: 'contact roles', choices: choices(CONTACT_ROLES), parse: parseContactRole },
  touchType: { noun: 'touch types', choices: choices(TOUCH_TYPES), parse: parseTouchType },
  revenueKind: { noun: 'revenue movements', choices: choices(REVENUE_KINDS), parse: parseRevenueKind },
  surveyKind: { noun: 'survey kinds', choices: choices(SURVEY_KINDS), parse: parseSurveyKind },
  strength: {
    noun: 'relationship strengths',
    choices: ['none', 'weak', 'medium', 'strong', 'very strong'].map((label, i) => ({ value: String(i), label: `${i} — ${label}` })),
    parse: parseStrength,
  },
  sentiment: {
    noun: 'sentiments',
    choices: [-2, -1, 0, 1, 2].map((n) => ({ value: String(n), label: n > 0 ? `+${n}` : String(n) })),
    parse: parseSentiment,
  },
  boolean: { noun: 'yes/no values', choices: [{ value: 'yes', label: 'yes' }, { value: 'no', label: 'no' }], parse: parseBoolean },
  currency: { noun: 'currencies', choices: choices(['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'INR', 'BRL']), parse: parseCurrency },
};

export const isMappable = (spec: FieldSpec | null | undefined): boolean => !!spec && spec.type in MAPPABLE_TYPES;

/** What a value of this field may be mapped to (the wizard's drop-down). */
export function choicesFor(spec: FieldSpec): readonly Choice[] {
  return MAPPABLE_TYPES[spec.type]?.choices ?? [];
}

/** A field's value map as a lookup by normalized value. */
export function valueLookup(map: Record<string, string> | undefined): Map<string, string> | null {
  if (!map) return null;
  const lookup = new Map<string, string>();
  for (const [from, to] of Object.entries(map)) lookup.set(normalizeWord(from), to);
  return lookup.size ? lookup : null;
}

/**
 * Checks a value map against its field: every target must be a value of the field ('' leaves the
 * cell empty). Returns the map with targets in their canonical form, or the problem in words.
 */
export function checkValueMap(spec: FieldSpec, map: Record<string, string>): { map: Record<string, string> } | { error: string } {
  const type = MAPPABLE_TYPES[spec.type];
  if (!type) {
    return { error: `${spec.name} is not a field with a fixed set of values, so its values cannot be mapped; the fields that can are ${mappableFieldsHint()}` };
  }
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(map)) {
    if (to.trim() === '') {
      out[from] = '';
      continue;
    }
    const parsed = type.parse(to);
    if (parsed.error !== undefined) return { error: `"${to}" is not one of the ${type.noun}: use ${type.choices.map((c) => c.value).join(', ')} (or nothing, to leave the cell empty)` };
    out[from] = String(parsed.value === true ? 'yes' : parsed.value === false ? 'no' : parsed.value);
  }
  return { map: out };
}

function mappableFieldsHint(): string {
  return 'segment, stage, status, churnReason, level, role, type, kind, strength, sentiment, isUser, currency';
}

/** One `--value "field:From=to"` (the CLI): the field, the value as written and what it means. */
export function parseValueOption(option: string): { field: string; from: string; to: string } | { error: string } {
  const colon = option.indexOf(':');
  const equals = option.lastIndexOf('=');
  if (colon <= 0 || equals < colon + 2) {
    return { error: `--value takes "field:value in the file=what it means", like --value "stage:Customer=adoption"; "${option}" is not that` };
  }
  return { field: option.slice(0, colon).trim(), from: option.slice(colon + 1, equals).trim(), to: option.slice(equals + 1).trim() };
}

/** Value maps merged: later ones win per value (a preset's, then the user's choices). */
export function mergeValueMaps(...maps: (ValueMaps | null | undefined)[]): ValueMaps {
  const out: ValueMaps = {};
  for (const map of maps) {
    if (!map) continue;
    for (const [field, values] of Object.entries(map)) out[field] = { ...(out[field] ?? {}), ...values };
  }
  return out;
}
