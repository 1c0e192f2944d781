// Handlers of the triage-case channels (shared/contracts/triage.ts).
import type { triageContract } from '../../shared/contracts/triage';
import type { GetServices, HandlersOf } from './types';

export const triageHandlers = (s: GetServices): HandlersOf<typeof triageContract> => ({
  'triage.list': ({ status }) => s().triage.list(status),
  'triage.forAccount': ({ accountId }) => s().triage.forAccount(accountId),
  'triage.open': (input) => s().triage.open(input),
  'triage.update': (input) => s().triage.update(input),
  'triage.close': (input) => s().triage.close(input),
  'triage.reopen': ({ id }) => s().triage.reopen(id),
  'triage.delete': ({ id }) => s().triage.remove(id),
});
