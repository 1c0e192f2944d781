// The router: contract channel → service call. One router serves the Electron main process (ipc.ts),
// the browser tests (test/e2e bridge) and the CLI. Every input is parsed with the contract's zod
// schema; every outcome is a value: { ok: true, data } or { ok: false, error: { code, message, details } }.
import { z } from 'zod';
import { contract, type Channel, type ChannelInput, type ChannelOutput, type Contract } from '../shared/contract';
import { RESTORE_FROM_BACKUP, TendError, type Result, isSqliteBusy, isSqliteDamage } from '../shared/errors';
import type { Services } from './services';
import { accountPageHandlers } from './handlers/account-page';
import { captureHandlers } from './handlers/capture';
import { coreHandlers } from './handlers/core';
import { importsHandlers } from './handlers/imports';
import { moneyHandlers } from './handlers/money';
import { portfolioHandlers } from './handlers/portfolio';
import { reportsHandlers } from './handlers/reports';
import { todayHandlers } from './handlers/today';
import { triageHandlers } from './handlers/triage';
import { trendsHandlers } from './handlers/trends';
import { briefHandlers } from './handlers/brief';
import type { GetServices, HandlerEnv, HandlersOf } from './handlers/types';
import { FileGrants, NO_PLATFORM, type Platform } from './platform';

type Handlers = HandlersOf<Contract>;

export interface RouterOptions {
  /** Also check every output against the contract (tests turn this on). */
  validateOutput?: boolean;
  version?: string;
  /** Log unexpected errors (the main process passes its logger). */
  onUnexpectedError?: (channel: string, error: unknown) => void;
  /** Native dialogs and the PDF engine (the Electron main process, or the tests' stand-in). */
  platform?: Platform;
}

/** Every channel's handler, one file per domain; the type makes a missing handler a compile error. */
function handlersFor(s: GetServices, options: RouterOptions, grants: FileGrants): Handlers {
  const env: HandlerEnv = { platform: options.platform ?? NO_PLATFORM, grants };
  return {
    ...coreHandlers(s, options.version ?? '0.0.0'),
    ...portfolioHandlers(s),
    ...accountPageHandlers(s),
    ...todayHandlers(s),
    ...importsHandlers(s, env),
    ...reportsHandlers(s, env),
    ...captureHandlers(s, env),
    ...triageHandlers(s),
    ...moneyHandlers(s),
    ...trendsHandlers(s),
    ...briefHandlers(s, env),
  };
}

/** Turns a zod failure into one sentence naming the field, e.g. "name: an account needs a name". */
export function describeZodError(error: z.ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return { message: `Invalid ${first.path}: ${first.message}${more}.`, issues };
}

/** SQLite could not get the write lock within the busy timeout: someone else is writing. */
const BUSY = {
  code: 'db_locked',
  message:
    'The database is busy: an import (or another Tend window or tend command) is writing to it, so this could not be done and nothing was changed. Try again when that finishes.',
} as const;

export function createRouter(getServices: () => Services, options: RouterOptions = {}) {
  const grants = new FileGrants();
  const handlers = handlersFor(getServices, options, grants);

  async function invoke(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Unknown request "${String(channel).slice(0, 80)}".` } };
    }
    const entry = contract[channel as Channel];
    const parsed = entry.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const { message, issues } = describeZodError(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message, details: { channel, issues } } };
    }
    try {
      const handler = handlers[channel as Channel] as (input: unknown) => unknown;
      const data = await handler(parsed.data);
      if (options.validateOutput) {
        const checked = entry.output.safeParse(data);
        if (!checked.success) {
          const { message } = describeZodError(checked.error);
          throw new Error(`Output of ${channel} breaks the contract: ${message}`);
        }
      }
      return { ok: true, data };
    } catch (err) {
      if (err instanceof TendError) return { ok: false, error: err.toValue() };
      if (isSqliteBusy(err)) return { ok: false, error: BUSY };
      // Damage met after the file opened (the CLI's reading commands skip the whole-file check).
      if (isSqliteDamage(err)) {
        const sqlite = (err as Error).message;
        return { ok: false, error: { code: 'db_corrupt', message: `The database file is damaged (${sqlite}). ${RESTORE_FROM_BACKUP}`, details: { sqlite } } };
      }
      options.onUnexpectedError?.(channel, err);
      return {
        ok: false,
        error: { code: 'internal', message: `Something went wrong in ${channel}: ${(err as Error)?.message ?? String(err)}` },
      };
    }
  }

  return {
    invoke,
    /** Typed call for Node callers (CLI, tests): unwraps the result or throws a TendError. */
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const result = await invoke(channel, input);
      if (!result.ok) throw new TendError(result.error.code, result.error.message, result.error.details);
      return result.data as ChannelOutput<C>;
    },
    /** Grants a token for a file the user dropped on the window (the preload or the test bridge found its path). */
    grantFile: (file: string) => grants.grant(file),
  };
}

export type Router = ReturnType<typeof createRouter>;
