// The renderer's only door to the main process: typed calls over window.tend (shared/api.ts).
// Stores call `call`; components never do.
import type { TendApi } from '../shared/api';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import type { TendErrorValue } from '../shared/errors';

declare global {
  interface Window {
    tend: TendApi;
  }
}

export class ApiError extends Error {
  constructor(readonly error: TendErrorValue) {
    super(error.message);
  }
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await window.tend.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}

export const onMenu: TendApi['onMenu'] = (listener) => window.tend.onMenu(listener);

/** Tokens for files dropped on the window (stores call this, as they call `call`). */
export const dropFiles: TendApi['dropFiles'] = (files) => window.tend.dropFiles(files);
