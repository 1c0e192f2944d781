// The shape of `window.tend`, as the preload exposes it (Electron) and the test bridge does
// (Playwright). Derived from the contract: one generic invoke over the allowlisted channels.
import type { Channel, ChannelInput, ChannelOutput, MenuCommand } from './contract';
import type { Result } from './errors';

export interface TendApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Commands from the application menu; returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  // Extension point: `droppedFiles(files: File[]): Promise<{ token: string; fileName: string }[]>`
  // for files dropped on the window belongs here; electron/preload.ts says how to implement it.
}
