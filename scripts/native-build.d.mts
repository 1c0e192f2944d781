// Types of scripts/native-build.mjs for the TypeScript that imports it (its unit test).
import type path from 'node:path';

export type FailureKind = 'offline' | 'no-prebuilt' | 'no-python' | 'no-toolchain' | 'failed';

export declare const ELECTRON_TOOLING_NODE: string;
export declare function nodeRunsElectronTooling(version: string): boolean;
export declare function cacheKey(build: { betterSqlite3: string; electron: string; platform: string; arch: string }): string;
export declare function copyFilter(moduleRoot: string, pathApi?: typeof path.posix): (file: string) => boolean;
export declare function classifyFailure(output: string): FailureKind;
export declare function telltaleLine(output: string): string;
export declare function toolchainHelp(platform: string): string;
export declare function failureReport(report: {
  betterSqlite3: string;
  electron: string;
  abi: string;
  platform: string;
  arch: string;
  prebuilt: { kind: FailureKind; line: string };
  source: { kind: FailureKind; line: string };
}): string;
