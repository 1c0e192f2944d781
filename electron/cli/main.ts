// `tend` — the command line for scripts, consultants and tests (SPEC "Command line"). Thin over the
// router and services: it parses arguments, opens the database, calls, prints. Runs under plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate, isIsoMonth } from '../../shared/dates';
import { TendError } from '../../shared/errors';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { defaultDatabaseFile, migrationsFolder } from '../paths';
import { createRouter, type Router } from '../router';
import { createServices, type Services } from '../services';
import { backupFile, restoreDatabase } from '../services/backup';
import { systemClock } from '../services/context';
import { printAccounts, printMetrics, printReminders, printScores } from './print';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Folder of the running bundle, to find drizzle/ (tests pass the repo's). */
  migrationsFolder?: string;
}

export const USAGE = `Usage: tend [--db FILE] [--as-of YYYY-MM-DD] [--json] <command>

Commands:
  init                      create or migrate the database
  demo                      load a realistic sample book
  accounts                  list accounts: id, name, segment, stage, mrr, score, band, flags
  score                     recompute scores and flags; per account: score, band, confidence,
                            components, flags
  metrics --month YYYY-MM   the portfolio metrics for a month
  reminders                 what is due or overdue
  backup FILE               copy the database to FILE (a consistent snapshot)
  restore FILE              replace the database with the backup FILE (the current one is backed up first)

Options:
  --db FILE                 the database (default: $TEND_DB, else the desktop app's own file)
  --as-of YYYY-MM-DD        fix "today"
  --json                    machine-readable output on stdout, nothing else
  -h, --help                this help`;

const OPTIONS = {
  db: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean', default: false },
  month: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

/** Exit codes (SPEC): 0 success; 3 an import landed partly; anything else changed nothing. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

class UsageError extends Error {}

interface Command {
  /** Whether the command may create a database file that does not exist yet. */
  creates: boolean;
  /** Commands that manage the file themselves get no opened database. */
  opens: boolean;
  run(args: CommandArgs): Promise<number>;
}

interface CommandArgs {
  positionals: string[];
  json: boolean;
  dbFile: string;
  io: CliIo;
  router: Router;
  opened: OpenedDatabase;
  asOf: string | undefined;
  migrationsFolder: string;
  /** The services over the opened database (commands with opens: true). */
  services: Services;
  month: string | undefined;
}

function print(io: CliIo, json: boolean, data: unknown, human: () => string): void {
  io.stdout(json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

const COMMANDS: Record<string, Command> = {
  init: {
    creates: true,
    opens: true,
    async run({ io, json, opened, router }) {
      const info = await router.call('app.info', {});
      print(io, json, { dbFile: opened.file, accounts: info.accountCount, preMigrationBackup: opened.preMigrationBackup }, () =>
        [
          `Database ready: ${opened.file}`,
          `${info.accountCount} account${info.accountCount === 1 ? '' : 's'}.`,
          opened.preMigrationBackup ? `Upgraded; the previous version was backed up to ${opened.preMigrationBackup}.` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return EXIT.ok;
    },
  },
  demo: {
    creates: true,
    opens: true,
    async run({ io, json, router, opened }) {
      const loaded = await router.call('demo.load', {});
      print(io, json, loaded, () =>
        `Loaded the sample book into ${opened.file}: ${loaded.accounts} accounts, ${loaded.contacts} contacts, ${loaded.touches} touches.`,
      );
      return EXIT.ok;
    },
  },
  accounts: {
    creates: false,
    opens: true,
    async run({ io, json, router }) {
      const list = await router.call('accounts.list', {});
      const rows = list.map((a) => ({
        id: a.id,
        externalId: a.externalId,
        name: a.name,
        segment: a.segment,
        stage: a.stage,
        mrr: a.mrrCents,
        currency: a.currency,
        renewalDate: a.renewalDate,
        score: a.score,
        band: a.band,
        confidence: a.confidence,
        inTriage: a.inTriage,
        flags: a.flags,
      }));
      print(io, json, rows, () => printAccounts(list));
      return EXIT.ok;
    },
  },
  score: {
    creates: false,
    opens: true,
    async run({ io, json, services }) {
      const asOf = services.ctx.clock.today();
      const scored = services.scoring.rescoreAll(asOf);
      services.reminders.refresh(asOf);
      const names = services.accounts.namesById();
      const accounts = scored.map(({ facts, score }) => {
        const account = names.get(facts.id)!;
        return {
          id: facts.id,
          externalId: account.externalId,
          name: account.name,
          segment: facts.segment,
          stage: facts.stage,
          mrr: account.mrrCents,
          score: score.health.score,
          band: score.health.band,
          confidence: score.health.confidence,
          inTriage: score.inTriage,
          components: Object.fromEntries(
            Object.entries(score.health.components).map(([name, c]) => [
              name,
              c && { score: c.score, weight: c.weight, contribution: c.contribution, inputDate: c.inputDate, detail: c.detail },
            ]),
          ),
          flags: score.flags.map(({ rule, severity, reason }) => ({ rule, severity, reason })),
        };
      });
      print(io, json, { asOf, accounts }, () => printScores(asOf, accounts));
      return EXIT.ok;
    },
  },
  metrics: {
    creates: false,
    opens: true,
    async run({ io, json, services, month }) {
      if (!month || !isIsoMonth(month)) throw new UsageError('tend metrics needs --month YYYY-MM (for example --month 2026-10).');
      const metrics = services.metrics.forMonth(month);
      print(io, json, metrics, () => printMetrics(metrics));
      return EXIT.ok;
    },
  },
  reminders: {
    creates: false,
    opens: true,
    async run({ io, json, services }) {
      services.reminders.refresh();
      const due = services.reminders.due();
      print(io, json, due, () => printReminders(due));
      return EXIT.ok;
    },
  },
  backup: {
    creates: false,
    opens: true,
    async run({ io, json, opened, positionals }) {
      const target = positionals[0];
      if (!target) throw new UsageError('tend backup needs a file to write: tend backup FILE');
      const written = await backupFile(opened.sqlite, path.resolve(target));
      print(io, json, { backup: written }, () => `Backed up ${opened.file} to ${written}.`);
      return EXIT.ok;
    },
  },
  restore: {
    creates: true,
    opens: false,
    async run({ io, json, dbFile, positionals, migrationsFolder: folder }) {
      const source = positionals[0];
      if (!source) throw new UsageError('tend restore needs the backup file to restore: tend restore FILE');
      const result = await restoreDatabase(dbFile, path.resolve(source));
      // Reopen to migrate a backup made by an older Tend, and to prove the result opens.
      const reopened = await openDatabase(dbFile, { migrationsFolder: folder });
      reopened.close();
      print(io, json, { dbFile, ...result }, () =>
        [
          `Restored ${dbFile} from ${result.restoredFrom}.`,
          result.previousCopy ? `The database it replaced was saved to ${result.previousCopy}.` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return EXIT.ok;
    },
  },
};

function migrationsFolderFor(explicit: string | undefined): string {
  return explicit ?? migrationsFolder(__dirname);
}

/** Runs one `tend` invocation; returns the exit code. Never calls process.exit (tests call it). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let opened: OpenedDatabase | undefined;
  let json = argv.includes('--json');
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
      } catch (err) {
        throw new UsageError(`${(err as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
      }
    })();
    json = values.json;
    if (values.version) {
      io.stdout(`${cliVersion()}\n`);
      return EXIT.ok;
    }
    if (values.help || positionals.length === 0) {
      io.stdout(`${USAGE}\n`);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const [name, ...rest] = positionals;
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`Unknown command "${name}". Run tend --help for the list.`);
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf)) {
      throw new UsageError(`--as-of must be a date as YYYY-MM-DD (got "${asOf}").`);
    }
    const explicitDb = values.db ?? io.env.TEND_DB;
    const dbFile = path.resolve(explicitDb ?? defaultDatabaseFile());
    const folder = migrationsFolderFor(io.migrationsFolder);
    if (!command.creates && !fs.existsSync(dbFile)) {
      throw new TendError('file_not_found', `There is no database at ${dbFile}. Run "tend --db ${dbFile} init" first, or pass --db with an existing file.`);
    }
    if (command.opens) {
      opened = await openDatabase(dbFile, { migrationsFolder: folder, createFolder: !explicitDb });
    }
    const services = opened ? createServices(opened, systemClock(asOf)) : undefined;
    const router = createRouter(() => {
      if (!services) throw new Error(`tend ${name} does not open the database`);
      return services;
    }, { version: cliVersion() });
    return await command.run({
      positionals: rest,
      json,
      dbFile,
      io,
      router,
      opened: opened!,
      asOf,
      migrationsFolder: folder,
      services: services!,
      month: values.month,
    });
  } catch (err) {
    const usage = err instanceof UsageError;
    const message = err instanceof Error ? err.message : String(err);
    if (json) {
      const code = err instanceof TendError ? err.code : usage ? 'usage' : 'internal';
      io.stderr(`${JSON.stringify({ error: { code, message } })}\n`);
    } else {
      io.stderr(`tend: ${message}\n`);
    }
    return usage ? EXIT.usage : EXIT.failed;
  } finally {
    opened?.close();
  }
}

function cliVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}
