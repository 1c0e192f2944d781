// Channels of the account-page domain (see shared/contract.ts).
import type { ChannelSpec } from './spec';

export const accountPageContract = {} as const satisfies Record<string, ChannelSpec>;
