// Channels of the portfolio domain (see shared/contract.ts).
import type { ChannelSpec } from './spec';

export const portfolioContract = {} as const satisfies Record<string, ChannelSpec>;
