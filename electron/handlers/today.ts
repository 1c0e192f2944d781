// Handlers of the today channels (shared/contracts/today.ts).
import type { todayContract } from '../../shared/contracts/today';
import type { GetServices, HandlersOf } from './types';

export const todayHandlers = (_s: GetServices): HandlersOf<typeof todayContract> => ({});
