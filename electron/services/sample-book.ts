// The sample book offered by `tend demo` and the app's empty state: loaded in one transaction, then
// given a year of weekly health history (so trends have something to draw), scored and reminded.
import { addDays } from '../../shared/dates';
import { TendError } from '../../shared/errors';
import type { ServiceContext } from './context';
import { DEMO_ALREADY_LOADED, loadDemoBook } from './demo/load';
import { seedDemoMoney } from './demo/money';
import type { MoneyServices } from './money';
import type { RemindersService } from './reminders';
import type { ScoringService } from './scoring';

export function createDemoService(ctx: ServiceContext, scoring: ScoringService, reminders: RemindersService, money: MoneyServices) {
  return {
    load(): { accounts: number; contacts: number; touches: number } {
      const asOf = ctx.clock.today();
      let loaded: { accounts: number; contacts: number; touches: number };
      try {
        loaded = loadDemoBook(ctx.db, ctx.sqlite, asOf);
      } catch (err) {
        if ((err as Error).message === DEMO_ALREADY_LOADED) {
          throw new TendError('conflict', 'The sample book is already loaded in this database.');
        }
        throw err;
      }
      scoring.backfillHistory(addDays(asOf, -364), addDays(asOf, -7), 7);
      scoring.rescoreAll(asOf);
      reminders.refresh(asOf);
      seedDemoMoney(ctx, money);
      return loaded;
    },
  };
}
