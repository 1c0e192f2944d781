import type { z } from 'zod';

/** What a contract entry is: zod schemas for the input and the output. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}
