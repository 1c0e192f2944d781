// Handlers of the reports channels (shared/contracts/reports.ts).
import type { reportsContract } from '../../shared/contracts/reports';
import { qbrRoute, reviewRoute } from '../../shared/print';
import type { GetServices, HandlerEnv, HandlersOf } from './types';

const PDF = [{ name: 'PDF', extensions: ['pdf'] }];
const safeName = (name: string) => name.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'account';

export const reportsHandlers = (s: GetServices, { platform }: HandlerEnv): HandlersOf<typeof reportsContract> => ({
  'reports.qbr': (input) => s().reports.qbr(input),
  'reports.customerQbr': (input) => s().reports.customerQbr(input),
  'reports.review': (input) => s().reports.review(input),
  'reports.exportQbr': async (input) => {
    // Fails here, before a dialog, if the account or period is wrong.
    const customer = input.audience === 'customer';
    const data = customer ? s().reports.customerQbr(input) : s().reports.qbr(input);
    const suffix = customer ? '' : ' (internal)';
    const file = await platform.chooseSaveFile({
      title: 'Export the QBR as PDF',
      defaultName: `${safeName(data.account.name)} QBR ${data.period.label}${suffix}.pdf`,
      filters: PDF,
    });
    if (!file) return null;
    return { file: await platform.printPdf(qbrRoute({ ...input, from: data.period.from, to: data.period.to }), file, input.paper ?? 'a4') };
  },
  'reports.exportReview': async (input) => {
    s().reports.review(input);
    const file = await platform.chooseSaveFile({ title: 'Export the portfolio review as PDF', defaultName: `Portfolio review ${input.month}.pdf`, filters: PDF });
    if (!file) return null;
    return { file: await platform.printPdf(reviewRoute(input), file, input.paper ?? 'a4') };
  },
});
