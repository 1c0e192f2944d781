// Handlers of the reports channels (shared/contracts/reports.ts).
import type { reportsContract } from '../../shared/contracts/reports';
import type { GetServices, HandlersOf } from './types';

export const reportsHandlers = (s: GetServices): HandlersOf<typeof reportsContract> => ({
  'reports.qbr': (input) => s().reports.qbr(input),
  'reports.review': (input) => s().reports.review(input),
});
