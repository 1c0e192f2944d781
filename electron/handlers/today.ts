// Handlers of the today channels (shared/contracts/today.ts).
import type { todayContract } from '../../shared/contracts/today';
import type { GetServices, HandlersOf } from './types';

export const todayHandlers = (s: GetServices): HandlersOf<typeof todayContract> => ({
  'today.get': () => s().today.get(),
  'today.summary': () => s().today.summary(),
  'today.preferences': () => s().today.preferences(),
  'today.savePreferences': ({ preferences }) => s().today.savePreferences(preferences),
  'reminders.complete': ({ id }) => s().reminders.complete(id),
  'reminders.reopen': ({ id }) => s().reminders.reopen(id),
  'reminders.snooze': ({ id, until }) => s().reminders.snooze(id, until),
  'reminders.unsnooze': ({ id }) => s().reminders.unsnooze(id),
  'reminders.create': (input) => s().reminders.create(input),
  'reminders.share': ({ id, shared }) => s().reminders.share(id, shared),
  'search.query': ({ query, limit }) => s().search.query(query, limit),
});
