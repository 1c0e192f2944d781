import type { z } from 'zod';
import type { ChannelSpec } from '../../shared/contract';
import type { Services } from '../services';
import type { FileGrants, Platform } from '../platform';

/** The handler of each channel of a domain contract: parsed input in, contract output out. */
export type HandlersOf<T extends Record<string, ChannelSpec>> = {
  [C in keyof T]: (input: z.output<T[C]['input']>) => z.output<T[C]['output']> | Promise<z.output<T[C]['output']>>;
};

/** Handlers get the services lazily: the open database can change (File → Open Database…). */
export type GetServices = () => Services;

/** What handlers that open dialogs or print get from the app around the router. */
export interface HandlerEnv {
  platform: Platform;
  grants: FileGrants;
}
