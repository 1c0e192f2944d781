// Handlers of the account-page channels (shared/contracts/account-page.ts).
import type { accountPageContract } from '../../shared/contracts/account-page';
import type { GetServices, HandlersOf } from './types';

export const accountPageHandlers = (_s: GetServices): HandlersOf<typeof accountPageContract> => ({});
