// The shape of `window.tend`, as the preload exposes it (Electron) and the test bridge does
// (Playwright). Derived from the contract: one generic invoke over the allowlisted channels.
import type { Channel, ChannelInput, ChannelOutput, MenuCommand } from './contract';
import type { Result } from './errors';

export interface TendApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Commands from the application menu; returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /**
   * Files the user dropped on the window, as tokens for the router (capture.read). Only real dropped
   * files have a path (Electron's webUtils.getPathForFile); the renderer never sees it.
   */
  dropFiles(files: File[]): Promise<{ token: string; fileName: string }[]>;
}
