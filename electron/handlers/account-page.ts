// Handlers of the account-page channels (shared/contracts/account-page.ts).
import type { accountPageContract } from '../../shared/contracts/account-page';
import type { GetServices, HandlersOf } from './types';

export const accountPageHandlers = (s: GetServices): HandlersOf<typeof accountPageContract> => ({
  'accountPage.get': ({ id, touchLimit }) => s().accountPage.get(id, touchLimit),
  'goals.create': (input) => s().goals.create(input),
  'goals.update': ({ id, patch }) => s().goals.update(id, patch),
});
