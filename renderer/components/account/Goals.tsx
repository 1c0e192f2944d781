// Success goals (the success plan): what the customer wants, how they measure it, target, status, due.
import { useState } from 'react';
import type { Goal } from '../../../shared/contracts/account-page';
import { GOAL_STATUSES, type GoalStatus } from '../../../shared/domain';
import { labelOf } from '../../../shared/format';
import { DateInput } from '../DateInput';

interface Props {
  goals: Goal[];
  onCreate(input: { goal: string; measure: string; target: string; dueDate: string | null }): Promise<boolean>;
  onUpdate(id: number, patch: Partial<Omit<Goal, 'id' | 'accountId'>>): Promise<boolean>;
}

export function Goals({ goals, onCreate, onUpdate }: Props) {
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState({ goal: '', measure: '', target: '', dueDate: '' });
  return (
    <section className="panel" aria-labelledby="goals-h">
      <div className="panel-head">
        <h2 id="goals-h">Success goals ({goals.length})</h2>
        <button type="button" className="small-button" onClick={() => setAdding((v) => !v)}>
          {adding ? 'Cancel' : 'Add goal'}
        </button>
      </div>
      {adding && (
        <form
          className="goal-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!draft.goal.trim()) return;
            if (await onCreate({ ...draft, dueDate: draft.dueDate || null })) {
              setDraft({ goal: '', measure: '', target: '', dueDate: '' });
              setAdding(false);
            }
          }}
        >
          <input aria-label="Goal" placeholder="Goal, in the customer's words" value={draft.goal} onChange={(e) => setDraft({ ...draft, goal: e.target.value })} autoFocus />
          <input aria-label="Measure" placeholder="How they measure it" value={draft.measure} onChange={(e) => setDraft({ ...draft, measure: e.target.value })} />
          <input aria-label="Target" placeholder="Target" value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value })} />
          <DateInput aria-label="Due date" value={draft.dueDate} onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })} />
          <button type="submit" className="primary small-button">
            Save goal
          </button>
        </form>
      )}
      {goals.length === 0 && !adding && <p className="muted small">No success plan yet. What does this customer want to achieve?</p>}
      <ul className="goal-list">
        {goals.map((g) => (
          <li key={g.id}>
            <div className="goal-main">
              <strong>{g.goal}</strong>
              <span className="muted small">
                {[g.measure, g.target && `target ${g.target}`, g.dueDate && `due ${g.dueDate}`].filter(Boolean).join(' · ')}
              </span>
            </div>
            <select
              aria-label={`Status of ${g.goal}`}
              className={`goal-status status-${g.status}`}
              value={g.status}
              onChange={(e) => void onUpdate(g.id, { status: e.target.value as GoalStatus })}
            >
              {GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labelOf(s)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </section>
  );
}
