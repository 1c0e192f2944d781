// Success goals (the success plan, seed 002 laws 3 and 7): what the customer wants to achieve, how
// they measure it, the target, a status and a due date.
import type { GoalStatus } from '../../shared/domain';
import { TendError } from '../../shared/errors';
import type { ServiceContext } from './context';

export interface GoalView {
  id: number;
  accountId: number;
  goal: string;
  measure: string;
  target: string;
  status: GoalStatus;
  dueDate: string | null;
}

export interface GoalFields {
  goal: string;
  measure: string;
  target: string;
  status: GoalStatus;
  dueDate: string | null;
}

const COLUMNS = 'id, account_id AS accountId, goal, measure, target, status, due_date AS dueDate';

export function createGoalsService(ctx: ServiceContext) {
  const { sqlite, clock } = ctx;
  const byId = sqlite.prepare(`SELECT ${COLUMNS} FROM success_goals WHERE id = ?`);
  const forAccount = sqlite.prepare(
    `SELECT ${COLUMNS} FROM success_goals WHERE account_id = ?
     ORDER BY CASE status WHEN 'achieved' THEN 2 WHEN 'missed' THEN 2 ELSE 1 END, due_date IS NULL, due_date, id`,
  );

  function require(id: number): GoalView {
    const row = byId.get(id) as GoalView | undefined;
    if (!row) throw new TendError('not_found', `There is no success goal with id ${id}. It may have been removed with its account.`, { id });
    return row;
  }

  return {
    listForAccount: (accountId: number): GoalView[] => forAccount.all(accountId) as GoalView[],

    create(input: Partial<GoalFields> & { goal: string; accountId: number }): GoalView {
      if (!sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(input.accountId)) {
        throw new TendError('not_found', `There is no account with id ${input.accountId} to add the goal to.`, { field: 'accountId' });
      }
      const now = clock.now();
      const { lastInsertRowid } = sqlite
        .prepare(
          `INSERT INTO success_goals (account_id, goal, measure, target, status, due_date, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.accountId, input.goal, input.measure ?? '', input.target ?? '', input.status ?? 'not_started', input.dueDate ?? null, now, now);
      return require(Number(lastInsertRowid));
    },

    update(id: number, patch: Partial<GoalFields>): GoalView {
      const current = require(id);
      const next = { ...current, ...patch };
      sqlite
        .prepare('UPDATE success_goals SET goal = ?, measure = ?, target = ?, status = ?, due_date = ?, updated_at = ? WHERE id = ?')
        .run(next.goal, next.measure, next.target, next.status, next.dueDate, clock.now(), id);
      return require(id);
    },
  };
}

export type GoalsService = ReturnType<typeof createGoalsService>;
