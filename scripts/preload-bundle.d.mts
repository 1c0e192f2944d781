// Types of scripts/preload-bundle.mjs for the TypeScript that imports it (its unit test).
import type { BuildOptions } from 'esbuild';

export interface PreloadAllowlist {
  /** Contract channel → the IPC channel name Electron sees. */
  channels: Record<string, string>;
  menuCommands: string[];
  menuEvent: string;
}

export declare function preloadAllowlist(root: string): Promise<PreloadAllowlist>;
export declare function preloadBuildOptions(root: string, allowlist: PreloadAllowlist, outfile: string): BuildOptions;
