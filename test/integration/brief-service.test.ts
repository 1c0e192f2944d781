// The brief's open follow-ups inside the account's own brief: a flag's reminder is titled
// "Account: reason" for Today, and the brief drops the account's name from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('brief.get follow-ups', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
    await ctx.router.call('demo.load', {});
    await ctx.router.call('today.get', {}); // Today raises the flags' reminders
  });
  afterAll(() => ctx.opened.close());

  it("titles a flag's reminder by its reason, without the account's name", async () => {
    const row = ctx.opened.sqlite
      .prepare(
        `SELECT r.account_id AS accountId, r.title, a.name FROM reminders r JOIN accounts a ON a.id = r.account_id
         WHERE r.source_key LIKE 'flag:%' AND r.done_at IS NULL ORDER BY r.due LIMIT 1`,
      )
      .get() as { accountId: number; title: string; name: string } | undefined;
    expect(row, 'the sample book has an open flag reminder').toBeDefined();
    expect(row!.title.startsWith(`${row!.name}: `)).toBe(true);
    const brief = await ctx.router.call('brief.get', { accountId: row!.accountId });
    const titles = brief.followUps.map((f) => f.title);
    expect(titles).toContain(row!.title.slice(row!.name.length + 2));
    expect(titles.filter((t) => t.startsWith(`${row!.name}: `))).toEqual([]);
  });
});
