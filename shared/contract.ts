// The IPC contract: every channel once — its name, its input schema, its output schema — gathered
// from one file per domain in shared/contracts/. The router (electron/router.ts) validates inputs
// against it, the preload's channel allowlist is computed from it at build time
// (scripts/preload-bundle.mjs), the renderer's api.ts and the tests
// derive their types from it. Adding a feature = one entry in a domain contract + one service
// function + a handler line + one screen.
import type { z } from 'zod';
import { accountPageContract } from './contracts/account-page';
import { captureContract } from './contracts/capture';
import { coreContract } from './contracts/core';
import { importsContract } from './contracts/imports';
import { moneyContract } from './contracts/money';
import { portfolioContract } from './contracts/portfolio';
import { reportsContract } from './contracts/reports';
import { todayContract } from './contracts/today';
import { triageContract } from './contracts/triage';
import { trendsContract } from './contracts/trends';
import { briefContract } from './contracts/brief';

export * from './contracts/core';
export type { ChannelSpec } from './contracts/spec';

export const contract = {
  ...coreContract,
  ...portfolioContract,
  ...accountPageContract,
  ...todayContract,
  ...importsContract,
  ...reportsContract,
  ...captureContract,
  ...triageContract,
  ...moneyContract,
  ...trendsContract,
  ...briefContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];

/** The IPC channel name Electron sees for a contract channel. */
export const ipcChannel = (channel: Channel): string => `tend:${channel}`;

/** Menu commands the main process sends to the renderer (File → Import CSV…, etc.). */
export const MENU_COMMANDS = [
  'navigate:portfolio',
  'navigate:today',
  'navigate:import',
  'navigate:settings',
  'navigate:renewals',
  'navigate:forecast',
  'navigate:trends',
  'open:quick-capture',
  'open:command-palette',
  'open:new-account',
  'open:shortcuts',
  'open:capture',
  'export:qbr',
  'export:review',
  'db:changed',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_EVENT = 'tend:menu';
/** The preload's channel for files dropped on the window (paths from webUtils; tokens come back). */
export const DROP_FILES_CHANNEL = 'tend:drop-files';
