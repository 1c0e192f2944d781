// Handlers of the money channels (shared/contracts/money.ts).
import type { moneyContract } from '../../shared/contracts/money';
import type { GetServices, HandlersOf } from './types';

export const moneyHandlers = (s: GetServices): HandlersOf<typeof moneyContract> => ({
  'money.account': ({ accountId }) => s().money.account(accountId),
  'revenue.add': (input) => s().money.revenue.add(input),
  'revenue.update': (input) => s().money.revenue.update(input),
  'revenue.delete': ({ id }) => s().money.revenue.remove(id),
  'revenue.changeMrr': (input) => s().money.revenue.changeMrr(input),
  'money.churn': (input) => s().money.revenue.churn(input),
  'money.reactivate': (input) => s().money.revenue.reactivate(input),
  'money.undo': ({ changeId }) => s().money.undo(changeId),
  'renewals.list': () => ({ asOf: s().ctx.clock.today(), renewals: s().money.renewals.list() }),
  'renewals.update': (input) => s().money.renewals.update(input),
  'renewals.close': (input) => s().money.renewals.close(input),
  'forecast.get': ({ months }) => s().money.forecast(months),
  'opportunities.create': (input) => s().money.opportunities.create(input),
  'opportunities.update': (input) => s().money.opportunities.update(input),
  'opportunities.win': (input) => s().money.opportunities.win(input),
  'opportunities.lose': (input) => s().money.opportunities.lose(input),
  'opportunities.delete': ({ id }) => s().money.opportunities.remove(id),
  'signals.dismiss': (input) => s().money.opportunities.dismiss(input),
  'surveys.add': (input) => s().money.responses.addSurvey(input),
  'samples.add': (input) => s().money.responses.addSample(input),
  'capture.touchWithNps': (input) => s().money.responses.captureWithNps(input),
  'money.today': () => s().money.today(),
  'money.pipeline': () => s().money.opportunities.pipeline(),
});
