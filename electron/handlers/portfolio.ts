// Handlers of the portfolio channels (shared/contracts/portfolio.ts).
import type { portfolioContract } from '../../shared/contracts/portfolio';
import type { GetServices, HandlersOf } from './types';

export const portfolioHandlers = (s: GetServices): HandlersOf<typeof portfolioContract> => ({
  'portfolio.trends': ({ weeks }) => s().portfolio.trends(weeks),
  'metrics.month': ({ month }) => s().metrics.forMonth(month ?? s().ctx.clock.today().slice(0, 7)),
  'metrics.accounts': ({ tile, month }) => s().metrics.accountsBehind(tile, month ?? s().ctx.clock.today().slice(0, 7)),
  'views.list': () => s().views.list(),
  'views.save': ({ view }) => s().views.save(view),
  'views.delete': ({ name }) => s().views.delete(name),
  'settings.preview': ({ settings }) => s().portfolio.preview(settings),
  'settings.save': ({ settings }) => s().portfolio.saveSettings(settings),
  'settings.storage': () => s().portfolio.storage(),
});
