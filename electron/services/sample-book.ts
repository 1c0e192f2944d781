// The sample book offered by `tend demo` and the app's empty state.
import { TendError } from '../../shared/errors';
import type { ServiceContext } from './context';
import { loadDemoBook } from './demo/load';

export function createDemoService(ctx: ServiceContext) {
  return {
    load(): { accounts: number; contacts: number; touches: number } {
      try {
        return loadDemoBook(ctx.db, ctx.sqlite, ctx.clock.today());
      } catch (err) {
        if ((err as Error).message.includes('already loaded')) {
          throw new TendError('conflict', 'The sample book is already loaded in this database.');
        }
        throw err;
      }
    },
  };
}
