// Handlers of the account brief channels (shared/contracts/brief.ts).
import type { briefContract } from '../../shared/contracts/brief';
import { briefRoute } from '../../shared/print';
import type { GetServices, HandlerEnv, HandlersOf } from './types';

const PDF = [{ name: 'PDF', extensions: ['pdf'] }];
const safeName = (name: string) => name.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'account';

export const briefHandlers = (s: GetServices, { platform }: HandlerEnv): HandlersOf<typeof briefContract> => ({
  'brief.get': ({ accountId }) => s().brief.get(accountId),
  'brief.meetingsToday': () => s().brief.meetingsToday(),
  'brief.exportPdf': async (input) => {
    // Fails here, before a dialog, if the account does not exist.
    const data = s().brief.get(input.accountId);
    const file = await platform.chooseSaveFile({
      title: 'Export the account brief as PDF',
      defaultName: `${safeName(data.account.name)} brief ${data.asOf} (internal).pdf`,
      filters: PDF,
    });
    if (!file) return null;
    return { file: await platform.printPdf(briefRoute(input), file, input.paper) };
  },
});
