// Surveys and metric samples by hand (SPEC: entered on the account page as well as imported): an
// NPS, CSAT or CES with the respondent, date and comment; a metric sample with key, date and value.
// The account is rescored at once; the banner offers Undo.
import { useState } from 'react';
import type { Contact } from '../../../shared/contract';
import { METRIC_KEYS, SURVEY_KINDS, type SurveyKind } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { useMoneyStore } from '../../stores/money';
import { DateInput } from '../DateInput';

const SCALES: Record<SurveyKind, [number, number, string]> = {
  nps: [0, 10, 'How likely to recommend, 0–10'],
  csat: [1, 5, 'Satisfaction, 1–5'],
  ces: [1, 7, 'Effort, 1–7 (lower is easier)'],
};

export function RecordPanel({ accountId, contacts, asOf }: { accountId: number; contacts: Contact[]; asOf: string }) {
  const change = useMoneyStore((s) => s.change);
  const [tab, setTab] = useState<'survey' | 'metric'>('survey');
  const [kind, setKind] = useState<SurveyKind>('nps');
  const [score, setScore] = useState('');
  const [contactId, setContactId] = useState('');
  const [date, setDate] = useState(asOf);
  const [comment, setComment] = useState('');
  const [key, setKey] = useState('adoption');
  const [value, setValue] = useState('');
  const [min, max, hint] = SCALES[kind];
  const n = Number(score);
  const scoreOk = score.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  const v = Number(value.replace(',', '.'));
  const valueOk = value.trim() !== '' && Number.isFinite(v);
  const present = contacts.filter((c) => !c.leftOn || c.leftOn > asOf);

  return (
    <section className="panel money-panel" aria-labelledby="record-h">
      <div className="panel-head">
        <h2 id="record-h">Record</h2>
        <div className="segmented" role="tablist" aria-label="Record">
          <button type="button" role="tab" aria-selected={tab === 'survey'} className={tab === 'survey' ? 'on' : ''} onClick={() => setTab('survey')}>
            Survey
          </button>
          <button type="button" role="tab" aria-selected={tab === 'metric'} className={tab === 'metric' ? 'on' : ''} onClick={() => setTab('metric')}>
            Metric
          </button>
        </div>
      </div>
      {tab === 'survey' ? (
        <form
          className="record-form"
          aria-label="Record a survey response"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!scoreOk) return;
            const ok = await change('surveys.add', { accountId, kind, score: n, date, contactId: contactId ? Number(contactId) : null, comment: comment.trim() || undefined });
            if (ok) {
              setScore('');
              setComment('');
            }
          }}
        >
          <div className="segmented-row" role="radiogroup" aria-label="Survey kind">
            {SURVEY_KINDS.map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)}>
                {labelOf(k)}
              </button>
            ))}
          </div>
          <div className="record-row">
            <label>
              <span>Score</span>
              <input aria-label="Score" type="number" min={min} max={max} step={1} value={score} onChange={(e) => setScore(e.target.value)} placeholder={`${min}–${max}`} />
            </label>
            <label>
              <span>From</span>
              <select aria-label="Respondent" value={contactId} onChange={(e) => setContactId(e.target.value)}>
                <option value="">Anonymous</option>
                {present.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>Date</span>
              <DateInput aria-label="Response date" value={date} max={asOf} onChange={(e) => setDate(e.target.value)} />
            </label>
          </div>
          <input aria-label="Comment" placeholder="Comment, in their words (optional)" value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="row-actions">
            <button type="submit" className="primary small-button" disabled={!scoreOk}>
              Save {labelOf(kind)}
            </button>
            <span className={`small ${score && !scoreOk ? 'overdue' : 'muted'}`}>{hint}</span>
          </div>
        </form>
      ) : (
        <form
          className="record-form"
          aria-label="Record a metric sample"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!valueOk || !key.trim()) return;
            if (await change('samples.add', { accountId, key: key.trim(), date, value: v })) setValue('');
          }}
        >
          <div className="record-row">
            <label>
              <span>Metric</span>
              <input aria-label="Metric" list="metric-keys" value={key} onChange={(e) => setKey(e.target.value)} />
              <datalist id="metric-keys">
                {METRIC_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {labelOf(k)}
                  </option>
                ))}
              </datalist>
            </label>
            <label>
              <span>Value</span>
              <input aria-label="Value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} placeholder={key === 'adoption' ? '0–100 %' : 'e.g. 42'} />
            </label>
            <label>
              <span>Date</span>
              <DateInput aria-label="Sample date" value={date} max={asOf} onChange={(e) => setDate(e.target.value)} />
            </label>
          </div>
          <div className="row-actions">
            <button type="submit" className="primary small-button" disabled={!valueOk || !key.trim()}>
              Save sample
            </button>
            <span className="muted small">A sample on the same date replaces that day's value.</span>
          </div>
        </form>
      )}
    </section>
  );
}
