// Channels of the imports domain (see shared/contract.ts).
import type { ChannelSpec } from './spec';

export const importsContract = {} as const satisfies Record<string, ChannelSpec>;
