// Handlers of the trends channels (shared/contracts/trends.ts).
import type { trendsContract } from '../../shared/contracts/trends';
import type { GetServices, HandlersOf } from './types';

export const trendsHandlers = (s: GetServices): HandlersOf<typeof trendsContract> => ({
  'trends.get': (input) => s().trends.get(input),
});
