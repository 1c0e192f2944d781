// Handlers of the imports channels (shared/contracts/imports.ts).
import type { importsContract } from '../../shared/contracts/imports';
import type { GetServices, HandlersOf } from './types';

export const importsHandlers = (_s: GetServices): HandlersOf<typeof importsContract> => ({});
