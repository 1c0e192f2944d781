// The fields each import kind takes (SPEC "Import fields") and how CSV headers find them.
//
// A header maps itself when it equals a field name ignoring case, spaces and punctuation
// ('Renewal date' → renewalDate); otherwise the synonyms below, most telling first, are tried —
// the names CRMs and spreadsheets actually use (Salesforce's Id, AccountId, ActivityDate, Subject,
// Type__c; 'Company', 'Email Address', 'Last Activity'). Every other column becomes a custom field,
// so an import never drops data. Pure: the wizard runs this in the renderer, the service in Node.
//
// Besides SPEC's names, a few conveniences are fields too, so `--map` can name them: accounts' `arr`
// (annual revenue, divided by 12 into mrr — the conversion is reported), `employees` (a count of
// employees read as the segment, with the thresholds in Settings — offered, never chosen by a
// header alone) and `status` (Active / Churned: a churned status lands the account churned), and
// contacts' `firstName` + `lastName` (joined into name when the file has no full-name column).
//
// A header only suggests a field: the column's values confirm it (shared/import/judge.ts).
import type { ImportKind } from '../domain';
import { describeSegmentEdges, normalizeWord, type SegmentByEmployees } from './values';

export type FieldType =
  | 'text'
  | 'email'
  | 'date'
  | 'datetime'
  | 'money'
  | 'annualMoney'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'strength'
  | 'sentiment'
  | 'segment'
  | 'stage'
  | 'level'
  | 'role'
  | 'touchType'
  | 'revenueKind'
  | 'surveyKind'
  | 'currency'
  | 'contactList'
  | 'metricKey'
  | 'accountStatus'
  | 'churnReason'
  | 'employees'
  | 'domainList';

export interface FieldSpec {
  /** The name `--map "Column=name"` takes. */
  name: string;
  label: string;
  type: FieldType;
  /** Longest text kept (the IPC contract's limits). */
  maxLength?: number;
  /** Other headers that mean this field, most telling first (compared after normalizeHeader). */
  synonyms: readonly string[];
  /** Said in the preview and the result when the field is mapped. */
  conversion?: string;
}

const LINK_FIELDS: readonly FieldSpec[] = [
  {
    name: 'accountExternalId',
    label: 'Account external id',
    type: 'text',
    maxLength: 200,
    synonyms: [
      'AccountId', 'Account ID', 'Account External Id', 'Customer ID', 'Company ID', 'CRM Account ID', 'Account Number',
      // HubSpot, Pipedrive, Zendesk and friends
      'Associated Company ID', 'Associated Company IDs', 'Company Record ID', 'Organization ID', 'Organisation ID', 'Org ID', 'Organization - ID',
    ],
  },
  {
    name: 'accountName',
    label: 'Account name',
    type: 'text',
    maxLength: 300,
    synonyms: [
      'Account', 'Account Name', 'Company', 'Company Name', 'Customer', 'Customer Name', 'Organization', 'Organisation', 'Client', 'Client Name',
      'Associated Company', 'Organization Name', 'Organisation Name', 'Organization - Name', 'Organisation - Name', 'Org Name', 'Account - Name',
    ],
  },
];

export const IMPORT_FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  accounts: [
    {
      name: 'externalId',
      label: 'External id',
      type: 'text',
      maxLength: 200,
      synonyms: ['Id', 'Account ID', 'External ID', 'CRM ID', 'Customer ID', 'Company ID', 'Salesforce ID', 'Record ID', 'Account Number'],
    },
    {
      name: 'name',
      label: 'Name',
      type: 'text',
      maxLength: 300,
      synonyms: ['Account Name', 'Company', 'Company Name', 'Customer', 'Customer Name', 'Organization', 'Organisation', 'Organization Name', 'Account', 'Client', 'Client Name'],
    },
    { name: 'segment', label: 'Segment', type: 'segment', synonyms: ['Customer Segment', 'Market Segment', 'Tier', 'Company Size', 'Size'] },
    {
      name: 'employees',
      label: 'Employees (→ segment)',
      type: 'employees',
      // Never suggested by its header alone: the conversion is offered (SPEC: never applied unasked).
      synonyms: [],
      conversion: 'read as employee counts into the segment',
    },
    { name: 'stage', label: 'Lifecycle stage', type: 'stage', synonyms: ['Lifecycle Stage', 'Lifecycle', 'Customer Stage', 'Journey Stage', 'Phase'] },
    {
      name: 'status',
      label: 'Status (churned → stage churned)',
      type: 'accountStatus',
      synonyms: ['Account Status', 'Customer Status', 'Subscription Status', 'Contract Status', 'Status'],
    },
    { name: 'mrr', label: 'MRR', type: 'money', synonyms: ['Monthly Recurring Revenue', 'Current MRR', 'Monthly Revenue', 'MRR (USD)'] },
    {
      name: 'arr',
      label: 'ARR (÷ 12 → MRR)',
      type: 'annualMoney',
      synonyms: ['Annual Recurring Revenue', 'ARR (USD)', 'ACV', 'Annual Contract Value'],
      conversion: 'divided by 12 into MRR (annual → monthly)',
    },
    { name: 'currency', label: 'Currency', type: 'currency', synonyms: ['CurrencyIsoCode', 'Currency Code'] },
    {
      name: 'contractStart',
      label: 'Contract start',
      type: 'date',
      synonyms: ['Contract Start Date', 'Start Date', 'Customer Since', 'Signed Date', 'Signup Date', 'Subscription Start'],
    },
    {
      name: 'renewalDate',
      label: 'Renewal date',
      type: 'date',
      synonyms: ['Renewal', 'Next Renewal', 'Next Renewal Date', 'Renews On', 'Contract End', 'Contract End Date', 'End Date', 'Subscription End'],
    },
    { name: 'seats', label: 'Licensed seats', type: 'integer', synonyms: ['Licensed Seats', 'Licenses', 'Licences', 'License Count', 'Seat Count', 'Number of Seats'] },
    { name: 'industry', label: 'Industry', type: 'text', maxLength: 200, synonyms: ['Vertical', 'Sector'] },
    { name: 'website', label: 'Website', type: 'text', maxLength: 500, synonyms: ['URL', 'Website URL', 'Domain', 'Web', 'Homepage'] },
    { name: 'notes', label: 'Notes', type: 'text', maxLength: 100_000, synonyms: ['Description', 'Comments', 'Comment', 'Note'] },
    { name: 'domains', label: 'E-mail domains', type: 'domainList', synonyms: ['Email Domains', 'Email Domain', 'Domains', 'Mail Domains'] },
    {
      name: 'churnedOn',
      label: 'Churned on',
      type: 'date',
      synonyms: [
        'Churn Date', 'Churned Date', 'Date Churned', 'Churned At', 'Cancellation Date', 'Cancelled On', 'Canceled On', 'Cancelled Date',
        'Canceled Date', 'Cancel Date', 'Cancelled At', 'Canceled At', 'Termination Date', 'Terminated On', 'Lost Date', 'Closed Lost Date',
      ],
    },
    {
      name: 'churnReason',
      label: 'Churn reason',
      type: 'churnReason',
      synonyms: ['Churn Reason', 'Reason for Churn', 'Churn Reason Code', 'Cancellation Reason', 'Cancel Reason', 'Lost Reason', 'Closed Lost Reason', 'Reason Lost'],
    },
  ],
  contacts: [
    ...LINK_FIELDS,
    {
      name: 'externalId',
      label: 'External id',
      type: 'text',
      maxLength: 200,
      synonyms: ['Id', 'Contact ID', 'External ID', 'CRM ID', 'Salesforce ID', 'Record ID', 'Person ID'],
    },
    { name: 'name', label: 'Name', type: 'text', maxLength: 300, synonyms: ['Full Name', 'Contact Name', 'Contact', 'Person'] },
    { name: 'firstName', label: 'First name', type: 'text', maxLength: 150, synonyms: ['FirstName', 'Given Name', 'First'] },
    { name: 'lastName', label: 'Last name', type: 'text', maxLength: 150, synonyms: ['LastName', 'Surname', 'Family Name', 'Last'] },
    { name: 'email', label: 'E-mail', type: 'email', synonyms: ['Email Address', 'E-mail', 'Mail', 'Work Email', 'Business Email'] },
    { name: 'title', label: 'Title', type: 'text', maxLength: 300, synonyms: ['Job Title', 'Position'] },
    { name: 'level', label: 'Level', type: 'level', synonyms: ['Seniority', 'Seniority Level', 'Job Level', 'Management Level'] },
    { name: 'isUser', label: 'Front-line user', type: 'boolean', synonyms: ['User', 'Front-line User', 'Frontline User', 'End User', 'Product User', 'Uses Product'] },
    { name: 'role', label: 'Role', type: 'role', synonyms: ['Contact Role', 'Buying Role', 'Stakeholder Role', 'Persona'] },
    { name: 'strength', label: 'Relationship strength', type: 'strength', synonyms: ['Relationship Strength', 'Relationship'] },
    { name: 'leftOn', label: 'Left the company on', type: 'date', synonyms: ['Left Company', 'Left Company On', 'Left Date', 'Departure Date'] },
    { name: 'notes', label: 'Notes', type: 'text', maxLength: 100_000, synonyms: ['Description', 'Comments', 'Comment', 'Note'] },
  ],
  touches: [
    ...LINK_FIELDS,
    {
      name: 'occurredAt',
      label: 'Date',
      type: 'datetime',
      synonyms: [
        'Date', 'ActivityDate', 'Activity Date', 'Last Activity', 'Last Activity Date', 'Occurred On', 'When', 'Timestamp', 'Date Time', 'Touch Date', 'Meeting Date', 'Call Date',
        // Activity exports that date an activity by when it was done, due or created
        'Done Time', 'Marked As Done Time', 'Completed At', 'Completed Date', 'Start Time', 'Due Date', 'Created At', 'CreatedDate', 'Created Date',
      ],
    },
    { name: 'type', label: 'Type', type: 'touchType', synonyms: ['Type__c', 'Activity Type', 'Touch Type', 'Channel', 'Kind'] },
    {
      name: 'contactExternalId',
      label: 'Contact external id (links the contact; finds the account when the row has none)',
      type: 'text',
      maxLength: 200,
      synonyms: ['WhoId', 'Who Id', 'Contact ID', 'Contact External ID', 'Person ID'],
    },
    {
      name: 'contacts',
      label: 'Contacts (e-mails or names, ; between)',
      type: 'contactList',
      synonyms: ['Contact', 'Attendees', 'Participants', 'People', 'Contact Emails', 'Contact Email', 'Who'],
    },
    { name: 'summary', label: 'Summary', type: 'text', maxLength: 1000, synonyms: ['Subject', 'Title', 'Topic', 'Headline'] },
    { name: 'notes', label: 'Notes', type: 'text', maxLength: 100_000, synonyms: ['Description', 'Details', 'Comments', 'Comment', 'Body', 'Note'] },
    { name: 'sentiment', label: 'Sentiment (−2…+2)', type: 'sentiment', synonyms: ['Pulse', 'CSM Pulse', 'Mood'] },
    { name: 'nextStep', label: 'Next step', type: 'text', maxLength: 1000, synonyms: ['Next Steps', 'Action Item', 'Action Items', 'Follow Up'] },
    { name: 'followUpDue', label: 'Follow-up due', type: 'date', synonyms: ['Follow-up Date', 'Follow Up On', 'Next Step Due', 'Next Step Date'] },
  ],
  metrics: [
    ...LINK_FIELDS,
    { name: 'date', label: 'Date', type: 'date', synonyms: ['Day', 'As Of', 'As Of Date', 'Sample Date', 'Period', 'Week', 'Month'] },
    { name: 'key', label: 'Metric', type: 'metricKey', synonyms: ['Metric', 'Metric Name', 'Measure', 'KPI'] },
    { name: 'value', label: 'Value', type: 'number', synonyms: ['Metric Value', 'Count', 'Amount', 'Number'] },
  ],
  revenue: [
    ...LINK_FIELDS,
    { name: 'date', label: 'Date', type: 'date', synonyms: ['Effective Date', 'Event Date', 'Change Date', 'Close Date', 'Month'] },
    { name: 'kind', label: 'Kind', type: 'revenueKind', synonyms: ['Type', 'Movement', 'Movement Type', 'Event Type', 'Change Type', 'Revenue Type', 'Category'] },
    {
      name: 'mrrDelta',
      label: 'MRR change',
      type: 'money',
      synonyms: ['MRR Change', 'Delta', 'Change', 'Net MRR Change', 'MRR Movement', 'Amount'],
    },
  ],
  surveys: [
    ...LINK_FIELDS,
    { name: 'contactEmail', label: 'Contact e-mail', type: 'email', synonyms: ['Email', 'Email Address', 'Respondent Email', 'Respondent', 'Contact'] },
    { name: 'kind', label: 'Survey (nps, csat, ces)', type: 'surveyKind', synonyms: ['Survey', 'Survey Type', 'Survey Kind', 'Type'] },
    { name: 'score', label: 'Score', type: 'number', synonyms: ['Rating', 'Response', 'Value', 'NPS', 'NPS Score', 'CSAT', 'CSAT Score', 'CES', 'CES Score'] },
    { name: 'date', label: 'Date', type: 'date', synonyms: ['Response Date', 'Responded At', 'Submitted At', 'Submitted', 'Survey Date', 'Created At'] },
    { name: 'comment', label: 'Comment', type: 'text', maxLength: 100_000, synonyms: ['Comments', 'Feedback', 'Reason', 'Verbatim', 'Text', 'Notes'] },
  ],
};

/**
 * What a file must provide per kind: each inner list is alternatives, at least one of which must
 * be mapped (SPEC: an account row needs a name or an external id; a row that links to an account
 * needs its external id or its name).
 */
export const REQUIRED_FIELDS: Record<ImportKind, readonly (readonly string[])[]> = {
  accounts: [['name', 'externalId']],
  contacts: [['name', 'firstName', 'lastName'], ['accountExternalId', 'accountName']],
  // A touch may reach its account through its contact (Salesforce's WhoId) instead.
  touches: [['accountExternalId', 'accountName', 'contactExternalId'], ['occurredAt']],
  metrics: [['accountExternalId', 'accountName'], ['date'], ['key'], ['value']],
  revenue: [['accountExternalId', 'accountName'], ['date'], ['kind'], ['mrrDelta']],
  surveys: [['accountExternalId', 'accountName'], ['score'], ['date'], ['kind']],
};

export function fieldSpec(kind: ImportKind, name: string): FieldSpec | undefined {
  return IMPORT_FIELDS[kind].find((field) => field.name === name);
}

/** 'Account Name', 'account_name' and 'ACCOUNT-NAME' all become 'accountname'. */
export function normalizeHeader(header: string): string {
  return normalizeWord(header.replace(/^\ufeff/, ''));
}

/** The survey kind a score column's header names ('NPS', 'CSAT Score'), if any. */
export function surveyKindFromHeader(header: string): 'nps' | 'csat' | 'ces' | null {
  const word = normalizeHeader(header);
  if (word.includes('nps') || word.includes('netpromoter')) return 'nps';
  if (word.includes('csat') || word.includes('satisfaction')) return 'csat';
  if (word.startsWith('ces') || word.includes('customereffort')) return 'ces';
  return null;
}

/**
 * A survey file without a kind column: the kind its score column's name says (NPS, CSAT Score),
 * else the one the file's name says (acme-nps-q2.csv), else null. One rule for the wizard and
 * the importer.
 */
export function impliedSurveyKind(
  mapping: Record<string, string>,
  fileName: string,
): { kind: 'nps' | 'csat' | 'ces'; from: 'column' | 'file'; scoreHeader: string } | null {
  if (Object.values(mapping).includes('kind')) return null;
  const scoreHeader = Object.keys(mapping).find((h) => mapping[h] === 'score');
  if (scoreHeader === undefined) return null;
  const fromColumn = surveyKindFromHeader(scoreHeader);
  if (fromColumn) return { kind: fromColumn, from: 'column', scoreHeader };
  const fromFile = surveyKindFromHeader(fileName.replace(/\.[^.]*$/, ''));
  return fromFile ? { kind: fromFile, from: 'file', scoreHeader } : null;
}

export interface AutoMapResult {
  /** CSV header → field name, for the headers that map. */
  mapping: Record<string, string>;
  /** Headers kept as custom fields (everything not mapped). */
  customFields: string[];
  /** Conversions the mapping applies, in words ('ARR → mrr: divided by 12 …'). */
  conversions: string[];
}

/** Removes mappings made redundant by a better column (mrr beats arr, a full name beats its parts). */
function dropRedundant(kind: ImportKind, mapping: Record<string, string>): Record<string, string> {
  const mapped = new Set(Object.values(mapping));
  const drop = new Set<string>();
  if (kind === 'accounts' && mapped.has('mrr')) drop.add('arr');
  if (kind === 'accounts' && mapped.has('segment')) drop.add('employees');
  if (kind === 'contacts' && mapped.has('name')) {
    drop.add('firstName');
    drop.add('lastName');
  }
  if (drop.size === 0) return mapping;
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => !drop.has(field)));
}

/** The conversions a mapping applies, in words (`edges`: the employee-count thresholds in Settings). */
export function describeConversions(kind: ImportKind, mapping: Record<string, string>, edges?: SegmentByEmployees): string[] {
  const notes: string[] = [];
  const headerOf = (field: string) => Object.keys(mapping).find((h) => mapping[h] === field);
  for (const [header, field] of Object.entries(mapping)) {
    const spec = fieldSpec(kind, field);
    if (!spec?.conversion) continue;
    if (spec.type === 'employees') {
      notes.push(`${header} → segment: ${spec.conversion}${edges ? ` (${describeSegmentEdges(edges)})` : ''}; the counts are kept as a custom field`);
    } else notes.push(`${header} → ${spec.name === 'arr' ? 'mrr' : spec.name}: ${spec.conversion}`);
  }
  if (kind === 'contacts' && !headerOf('name') && (headerOf('firstName') || headerOf('lastName'))) {
    const parts = [headerOf('firstName'), headerOf('lastName')].filter(Boolean).join(' + ');
    notes.push(`${parts} → name: joined with a space`);
  }
  const implied = kind === 'surveys' ? impliedSurveyKind(mapping, '') : null;
  if (implied) notes.push(`${implied.scoreHeader} → kind: every response is ${implied.kind} (named by the column)`);
  return notes;
}

/**
 * Maps headers to fields: first every header equal to a field name (ignoring case, spaces and
 * punctuation), then each field's synonyms in order. A field takes one column and a column one
 * field; the rest become custom fields.
 */
export function autoMap(headers: readonly string[], kind: ImportKind): AutoMapResult {
  const fields = IMPORT_FIELDS[kind];
  const normalized = headers.map(normalizeHeader);
  const mapping: Record<string, string> = {};
  const taken = new Set<number>();
  const used = new Set<string>();
  const claim = (index: number, field: string) => {
    mapping[headers[index]] = field;
    taken.add(index);
    used.add(field);
  };

  for (const field of fields) {
    const own = normalizeHeader(field.name);
    const index = normalized.findIndex((word, i) => word === own && !taken.has(i));
    if (index >= 0) claim(index, field.name);
  }
  for (const field of fields) {
    if (used.has(field.name)) continue;
    for (const synonym of field.synonyms) {
      const word = normalizeHeader(synonym);
      const index = normalized.findIndex((w, i) => w === word && w !== '' && !taken.has(i));
      if (index >= 0) {
        claim(index, field.name);
        break;
      }
    }
  }
  const final = dropRedundant(kind, mapping);
  return {
    mapping: final,
    customFields: headers.filter((header) => !(header in final) && header.trim() !== ''),
    conversions: describeConversions(kind, final),
  };
}

/** The key a preset is stored under: the set of headers, so reordered columns still match. */
export function headersKey(headers: readonly string[]): string {
  return [...new Set(headers.map((h) => h.trim().toLowerCase()).filter(Boolean))].sort().join('\u001f');
}
