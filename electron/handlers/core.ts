// Handlers of the core channels (shared/contracts/core.ts).
import type { coreContract } from '../../shared/contracts/core';
import type { GetServices, HandlersOf } from './types';

export const coreHandlers = (s: GetServices, version: string): HandlersOf<typeof coreContract> => ({
  'app.info': () => ({
    version,
    dbFile: s().ctx.file,
    asOf: s().ctx.clock.today(),
    accountCount: s().accounts.count(),
  }),
  'accounts.list': (input) => s().accounts.list(input),
  'accounts.get': ({ id }) => s().accounts.get(id),
  'accounts.create': (input) => s().accounts.create(input),
  'accounts.update': (input) => s().accounts.update(input),
  'contacts.create': (input) => s().contacts.create(input),
  'contacts.update': (input) => s().contacts.update(input),
  'contacts.delete': ({ id }) => s().contacts.remove(id),
  'contacts.undoDelete': ({ id }) => s().contacts.undoDelete(id),
  'touches.log': (input) => s().touches.log(input),
  'touches.update': (input) => s().touches.update(input),
  'touches.delete': ({ id }) => s().touches.remove(id),
  'touches.undoDelete': ({ id }) => s().touches.undoDelete(id),
  'flags.list': ({ accountId }) => s().flags.listForAccount(accountId),
  'flags.resolve': ({ id }) => s().flags.resolve(id),
  'flags.snooze': ({ id, until }) => s().flags.snooze(id, until),
  'flags.unsnooze': ({ id }) => s().flags.unsnooze(id),
  'flags.unresolve': ({ id }) => s().flags.unresolve(id),
  'settings.get': () => s().settings.get(),
  'settings.update': ({ settings }) => s().settings.update(settings),
  'demo.load': () => s().demo.load(),
});
