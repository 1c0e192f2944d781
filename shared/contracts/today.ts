// Channels of the today domain (see shared/contract.ts).
import type { ChannelSpec } from './spec';

export const todayContract = {} as const satisfies Record<string, ChannelSpec>;
