// Handlers of the portfolio channels (shared/contracts/portfolio.ts).
import type { portfolioContract } from '../../shared/contracts/portfolio';
import type { GetServices, HandlersOf } from './types';

export const portfolioHandlers = (_s: GetServices): HandlersOf<typeof portfolioContract> => ({});
