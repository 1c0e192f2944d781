// `tend` — the command line for scripts, consultants and tests (SPEC "Command line"). Thin over the
// router and services: it parses arguments, opens the database, calls, prints. Runs under plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate, isIsoMonth } from '../../shared/dates';
import { TendError, isSqliteDamage } from '../../shared/errors';
import { damagedDatabase, openDatabase, type OpenedDatabase } from '../db/open';
import { defaultDatabaseFile, migrationsFolder } from '../paths';
import { createRouter, type Router } from '../router';
import { createServices, type Services } from '../services';
import { backupBeforeImport, backupFile, backupFolderFor, restoreDatabase } from '../services/backup';
import { describeBackup, findLatestGoodBackup, isRestorable, restoreFromBackup, type GoodBackup } from '../recovery';
import { IMPORT_KINDS, type ImportKind } from '../../shared/domain';
import type { ImportProgress, UpdateMode } from '../services/importer';
import { UPDATE_MODES } from '../services/importer/table-store';
import { parseValueOption, type ValueMaps } from '../../shared/import/value-maps';
import { systemClock } from '../services/context';
import { briefRoute, qbrRoute, reviewRoute, type Paper } from '../../shared/print';
import { printWithWarmChromium } from '../print/warm-printer';
import { cliVersion, printServerStateFile, warmPrintingOff } from './print-options';
// Loaded only by the commands that print a PDF: playwright-core costs every other command ~0.5 s.
const printRouteWithChromium: typeof import('../print/pdf').printRouteWithChromium = async (job) => (await import('../print/pdf')).printRouteWithChromium(job);
import { printAccounts, printImport, printImports, printMetrics, printReminders, printScores } from './print';
import { captureJson, printCapture, runCapture } from './capture';
import { TRIAGE_OPTIONS, TRIAGE_USAGE, triageCommands } from './triage';
import { MONEY_OPTIONS, MONEY_USAGE, moneyCommands, type MoneyCliEnv } from './money';
import { monthsOption, printBrief, printTrends, trendsJson } from './reading';

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
  import KIND FILE.csv [--map "CSV column=field"]... [--value "field:value=meaning"]... [--dry-run] [--strict]
         [--date-format dmy|mdy] [--update keep-edits|overwrite|fill-empty] [--progress]
                            KIND: accounts | contacts | touches | metrics | revenue | surveys;
                            --value says what an unknown value means (--value "stage:Customer=adoption");
                            --update: keep what you edited in Tend (default), overwrite with the file,
                            or fill only what is empty in Tend
  imports                   past import batches
  undo-import BATCH         remove everything that import batch wrote
  capture FILE... [--dry-run] [--my-domain DOMAIN]...
                            meetings and e-mails from .ics .eml .mbox .msg files as touches, .vcf
                            cards as contacts (one batch, undone with undo-import)
  score                     recompute scores and flags; per account: score, band, confidence,
                            components, flags
  metrics --month YYYY-MM   the portfolio metrics for a month
  reminders                 what is due or overdue
  qbr ACCOUNT --out FILE.pdf [--from YYYY-MM-DD --to YYYY-MM-DD] [--customer [--with-health] [--with-revenue]] [--paper a4|letter]
                            the QBR summary of one account (id, name or external id) as a PDF;
                            the period defaults to the quarter to date (the last full quarter in a
                            quarter's first three weeks); --customer prints the customer copy: usage,
                            support, goals, meetings held and shared next steps only (--with-health
                            adds the health score, --with-revenue the revenue movements)
  review --month YYYY-MM --out FILE.pdf [--paper a4|letter]
                            the portfolio review of the whole book as a PDF
${TRIAGE_USAGE}
  backup FILE               copy the database to FILE (a consistent snapshot)
  restore FILE              replace the database with the backup FILE (the current one is backed up first)
  restore --latest          replace a damaged (or missing) database with its latest good backup
                            (checked first); the current file is kept aside as
                            NAME.set-aside-TIMESTAMP.db, never deleted. A file that opens fine is
                            only rolled back with --force, and never while Tend has it open
${MONEY_USAGE}
  trends [--months N]       the portfolio month by month over the last N months (default 12, at most
                            24), each month measured as metrics --month at its end
  brief ACCOUNT [--out FILE.pdf] [--paper a4|letter]
                            the account brief before a call, as text, or as a one-page PDF (internal)

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
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  customer: { type: 'boolean', default: false },
  'with-health': { type: 'boolean', default: false },
  'with-revenue': { type: 'boolean', default: false },
  paper: { type: 'string' },
  map: { type: 'string', multiple: true },
  'my-domain': { type: 'string', multiple: true },
  value: { type: 'string', multiple: true },
  update: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  'date-format': { type: 'string' },
  progress: { type: 'boolean', default: false },
  latest: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  ...TRIAGE_OPTIONS,
  ...MONEY_OPTIONS,
} as const;

/** Exit codes (SPEC): 0 success; 3 an import landed partly; anything else changed nothing. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

class UsageError extends Error {}

export interface Command {
  /** Whether the command may create a database file that does not exist yet. */
  creates: boolean;
  /** Commands that manage the file themselves get no opened database. */
  opens: boolean;
  /**
   * Commands that only read the book (numbers, documents) skip the whole-file quick_check on open:
   * on a large book it costs more than the command. Damage on a page they read still stops them
   * with the same "damaged … restore it from a backup" message.
   */
  reads?: boolean;
  run(args: CommandArgs): Promise<number>;
}

export interface CommandArgs {
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
  options: CliOptions;
}

type CliOptions = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

function print(io: CliIo, json: boolean, data: unknown, human: () => string): void {
  io.stdout(json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

/** A command of electron/cli/money.ts, given what it needs from here. */
function moneyCommand(run: (env: MoneyCliEnv) => Promise<void>): Command {
  return {
    creates: false,
    opens: true,
    async run({ io, json, router, services, positionals, options }) {
      const usage = (message: string) => new UsageError(message);
      await run({ router, services, positionals, json, options, usage, print: (data, human) => print(io, json, data, human), findAccount: (which) => findAccount(services, which) });
      return EXIT.ok;
    },
  };
}

const COMMANDS: Record<string, Command> = {
  ...triageCommands({
    print,
    findAccount,
    usage: (message) => new UsageError(message),
  }),
  churn: moneyCommand(moneyCommands.churn),
  renewal: moneyCommand(moneyCommands.renewal),
  forecast: moneyCommand(moneyCommands.forecast),
  trends: {
    creates: false,
    opens: true,
    reads: true,
    async run({ io, json, router, positionals, options }) {
      if (positionals.length) throw new UsageError(`tend trends takes no account (got "${positionals.join(' ')}"); it covers the whole book.`);
      const view = await router.call('trends.get', { months: monthsOption(options.months, (m) => new UsageError(m)) });
      print(io, json, trendsJson(view), () => printTrends(view));
      return EXIT.ok;
    },
  },
  brief: {
    creates: false,
    opens: true,
    reads: true,
    async run(args) {
      const { io, json, router, services, positionals, options } = args;
      const which = positionals.join(' ').trim();
      if (!which) throw new UsageError('tend brief needs an account: tend brief <account id, external id or name> [--out FILE.pdf]');
      const account = findAccount(services, which);
      if (options.out === undefined) {
        const brief = await router.call('brief.get', { accountId: account.id });
        print(io, json, brief, () => printBrief(brief));
        return EXIT.ok;
      }
      const out = requireOut(options.out, 'brief');
      const input = { accountId: account.id, paper: paperOf(options.paper) };
      const started = Date.now();
      const { file, printedBy } = await printPdf(args, briefRoute(input), out, input.paper);
      print(io, json, { file, accountId: account.id, account: account.name, ms: Date.now() - started, printedBy }, () => `Wrote the brief of ${account.name} to ${file}.`);
      return EXIT.ok;
    },
  },
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
  import: {
    creates: true,
    opens: true,
    async run({ io, json, services, positionals, options, opened }) {
      const [kind, file, ...extra] = positionals;
      if (!kind || !file || extra.length) {
        throw new UsageError('Usage: tend import <accounts|contacts|touches|metrics|revenue|surveys> FILE.csv [--map "CSV column=field"]...');
      }
      if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
        throw new UsageError(`"${kind}" is not something Tend imports; use one of ${IMPORT_KINDS.join(', ')}.`);
      }
      const dateFormat = options['date-format'];
      if (dateFormat !== undefined && dateFormat !== 'dmy' && dateFormat !== 'mdy') {
        throw new UsageError(`--date-format must be dmy (day first) or mdy (month first), not "${dateFormat}".`);
      }
      const mapping = parseMap(options.map ?? []);
      const valueMaps = parseValues(options.value ?? []);
      const updateMode = options.update;
      if (updateMode !== undefined && !(UPDATE_MODES as readonly string[]).includes(updateMode)) {
        throw new UsageError(`--update must be keep-edits (keep what you edited in Tend), overwrite (the file wins) or fill-empty (fill only what is empty), not "${updateMode}".`);
      }
      const dryRun = options['dry-run'];
      const backup = dryRun ? null : await backupBeforeImport(opened.sqlite, opened.file);
      const result = await services.importer.run({
        kind: kind as ImportKind,
        file: path.resolve(file),
        mapping,
        valueMaps,
        updateMode: updateMode as UpdateMode | undefined,
        dateFormat,
        dryRun,
        strict: options.strict,
        onProgress: options.progress ? progressPrinter(io) : undefined,
      });
      const { inserted, updated, unchanged, skipped, errors, batchId, notes, suggestions, unknownValues, updates, kept, defaults, churned, mapping: mapped } = result;
      const out = {
        inserted,
        updated,
        unchanged,
        skipped,
        errors: errors.map(({ row, column, value, message }) => ({ row, column, value, message })),
        batchId,
        dryRun,
        notes,
        backup,
        mapping: mapped,
        suggestions,
        unknownValues: unknownValues.map(({ column, field, values }) => ({ column, field, values })),
        updates,
        kept,
        defaults,
        churned,
      };
      print(io, json, out, () => printImport(result, backup));
      return skipped > 0 ? EXIT.partial : EXIT.ok;
    },
  },
  capture: {
    creates: false,
    opens: true,
    async run({ io, json, services, positionals, options }) {
      if (!positionals.length) throw new UsageError('Usage: tend capture FILE... [--dry-run] (.ics, .eml, .mbox, .msg or .vcf files)');
      const result = await runCapture({ files: positionals, dryRun: options['dry-run'], myDomains: options['my-domain'] ?? [], services });
      print(io, json, captureJson(result), () => printCapture(result, positionals.length));
      return result.skipped.length ? EXIT.partial : EXIT.ok;
    },
  },
  imports: {
    creates: false,
    opens: true,
    async run({ io, json, services }) {
      const batches = services.importer.list();
      print(io, json, batches, () => printImports(batches));
      return EXIT.ok;
    },
  },
  'undo-import': {
    creates: false,
    opens: true,
    async run({ io, json, services, positionals }) {
      const id = Number(positionals[0]);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError('tend undo-import needs a batch id (see tend imports).');
      const undone = services.importer.undo(id);
      print(io, json, undone, () => `Undid import ${id}: removed ${undone.removed} rows, restored ${undone.restored}.`);
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
    reads: true,
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
  qbr: {
    creates: false,
    opens: true,
    reads: true,
    async run(args) {
      const { io, json, router, services, positionals, options } = args;
      const which = positionals.join(' ').trim();
      if (!which) throw new UsageError('tend qbr needs an account: tend qbr <account id or name> --out FILE.pdf');
      const out = requireOut(options.out, 'qbr');
      for (const [flag, value] of [['--from', options.from], ['--to', options.to]] as const) {
        if (value !== undefined && !isIsoDate(value)) throw new UsageError(`${flag} must be a date as YYYY-MM-DD (got "${value}").`);
      }
      const account = findAccount(services, which);
      const qbrInput = {
        accountId: account.id,
        from: options.from,
        to: options.to,
        audience: options.customer ? ('customer' as const) : ('internal' as const),
        includeHealth: options['with-health'],
        includeRevenue: options['with-revenue'],
        paper: paperOf(options.paper),
      };
      if (!options.customer && (qbrInput.includeHealth || qbrInput.includeRevenue)) {
        throw new UsageError('--with-health and --with-revenue choose what the customer copy shows: add --customer (the internal QBR always has both).');
      }
      // Ask the router first: a bad period fails here, before a browser starts.
      const data = await router.call(options.customer ? 'reports.customerQbr' : 'reports.qbr', qbrInput);
      const started = Date.now();
      const { file, printedBy } = await printPdf(args, qbrRoute(qbrInput), out, qbrInput.paper);
      const result = { file, accountId: account.id, account: account.name, period: data.period, audience: qbrInput.audience, ms: Date.now() - started, printedBy };
      print(io, json, result, () => `Wrote the ${data.period.label} QBR of ${account.name} to ${file}.`);
      return EXIT.ok;
    },
  },
  review: {
    creates: false,
    opens: true,
    reads: true,
    async run(args) {
      const { io, json, router, month, options } = args;
      if (!month || !isIsoMonth(month)) throw new UsageError('tend review needs --month YYYY-MM (for example --month 2026-10).');
      const out = requireOut(options.out, 'review');
      const input = { month, paper: paperOf(options.paper) };
      await router.call('reports.review', input);
      const { file, printedBy } = await printPdf(args, reviewRoute(input), out, input.paper);
      print(io, json, { file, month, printedBy }, () => `Wrote the portfolio review for ${month} to ${file}.`);
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
    async run({ io, json, dbFile, positionals, migrationsFolder: folder, options }) {
      if (options.latest) return restoreLatest(io, json, dbFile, folder, options.force);
      const source = positionals[0];
      if (!source) throw new UsageError('tend restore needs the backup file to restore: tend restore FILE, or tend restore --latest');
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

/** `tend restore --latest`: the newest backup that passes the checks, with the current file set aside. */
async function restoreLatest(io: CliIo, json: boolean, dbFile: string, folder: string, force: boolean): Promise<number> {
  // Only a file a backup can fix is replaced, unless asked to roll back a healthy one.
  const missing = !fs.existsSync(dbFile);
  const failure = missing
    ? null
    : await openDatabase(dbFile, { migrationsFolder: folder }).then(
        (opened) => (opened.close(), null),
        (err: unknown) => err,
      );
  if (failure && !isRestorable(failure)) throw failure;
  if (!missing && !failure && !force) {
    throw new TendError(
      'invalid_input',
      `${dbFile} opens fine, so Tend did not replace it with a backup. Nothing was changed. To roll it back to its latest backup anyway, close Tend and run: tend --db "${dbFile}" restore --latest --force`,
      { file: dbFile },
    );
  }
  const { backup, rejected } = findLatestGoodBackup(dbFile, { migrationsFolder: folder });
  if (!backup) {
    throw new TendError(
      'not_found',
      `No good backup of ${dbFile} was found in ${backupFolderFor(dbFile)}${rejected.length ? ` (${rejected.length} checked, none usable)` : ''}. Nothing was changed. Restore a copy you keep elsewhere with tend restore FILE.`,
      { file: dbFile },
    );
  }
  const result = await restoreFromBackup(dbFile, backup.file, { migrationsFolder: folder });
  result.opened.close();
  const out = { dbFile, restoredFrom: backup.file, kind: backup.kind, takenAt: backup.takenAt.toISOString(), keptAside: result.keptAside, skipped: rejected };
  print(io, json, out, () =>
    [
      `Restored ${dbFile} from ${describeBackup(backup)}.`,
      ...rejected.map((r) => `Skipped the newer ${r.file}: ${r.reason}`),
      result.keptAside ? `The file it replaced was kept, unchanged, as ${result.keptAside}.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return EXIT.ok;
}

/** After a refusal a backup can fix: the latest good backup and the command that restores it. */
function latestBackupHint(err: unknown, dbFile: string | undefined, folder: string | undefined): { text: string; backup: GoodBackup | null } | null {
  if (!dbFile || !folder || !isRestorable(err) || (err as TendError).details === undefined) return null;
  if (((err as TendError).details as { file?: string }).file !== dbFile) return null; // e.g. a bad restore source
  try {
    const { backup } = findLatestGoodBackup(dbFile, { migrationsFolder: folder });
    const text = backup
      ? ` The latest good backup is ${describeBackup(backup)}; to restore it (your file is kept aside), run: tend --db "${dbFile}" restore --latest`
      : ` No good backup of it was found in ${backupFolderFor(dbFile)}.`;
    return { text, backup };
  } catch {
    return null; // the hint is a courtesy; the refusal itself stands
  }
}

/** --progress: one line on stderr per phase change and at most every half second. */
function progressPrinter(io: CliIo): (p: ImportProgress) => void {
  let lastPhase = '';
  let lastAt = 0;
  return (p) => {
    const now = Date.now();
    if (p.phase === lastPhase && now - lastAt < 500) return;
    lastPhase = p.phase;
    lastAt = now;
    const of = p.totalRows ? `/${p.totalRows}` : '';
    io.stderr(`${p.phase} ${p.rows}${of} rows (${Math.round((100 * p.bytes) / Math.max(1, p.totalBytes))}% of the file)\n`);
  };
}

/** --map "CSV column=field" (repeatable); an empty field keeps the column as a custom field. */
function parseMap(pairs: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map takes "CSV column=field" (got "${pair}").`);
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return mapping;
}

/** --value "field:value in the file=what it means", repeated: the value maps of an import. */
function parseValues(options: string[]): ValueMaps {
  const maps: ValueMaps = {};
  for (const option of options) {
    const parsed = parseValueOption(option);
    if ('error' in parsed) throw new UsageError(`${parsed.error}.`);
    (maps[parsed.field] ??= {})[parsed.from] = parsed.to;
  }
  return maps;
}

function requireOut(out: string | undefined, command: string): string {
  if (!out) throw new UsageError(`tend ${command} needs --out FILE.pdf`);
  const folder = path.dirname(path.resolve(out));
  if (!fs.existsSync(folder)) throw new UsageError(`The folder ${folder} does not exist; choose another --out.`);
  return path.resolve(out);
}

function paperOf(paper: string | undefined): Paper {
  if (paper === undefined) return 'a4';
  const lower = paper.toLowerCase();
  if (lower !== 'a4' && lower !== 'letter') throw new UsageError(`--paper must be a4 or letter (got "${paper}").`);
  return lower;
}

/**
 * A print route as a PDF: on the warm print server when one answers or starts (electron/print/
 * warm-printer.ts), else in a Chromium of this command's own (TEND_PRINT_SERVER=off always does).
 * `printedBy` says which (in --json), for whoever wonders why one PDF took longer.
 */
async function printPdf(args: CommandArgs, route: string, file: string, paper: Paper): Promise<{ file: string; printedBy: 'print server' | 'own Chromium' }> {
  const { io, dbFile, migrationsFolder, asOf, router } = args;
  if (!warmPrintingOff(io.env)) {
    const printed = await printWithWarmChromium(
      { dbFile, migrationsFolder: path.resolve(migrationsFolder), asOf, route, file: path.resolve(file), paper },
      { stateFile: printServerStateFile(io.env), serverScript: path.join(__dirname, 'print-server.js'), env: io.env },
    );
    if (printed) return printed;
  }
  return { file: await printRouteWithChromium({ router, rendererDir: rendererDir(), route, file, paper }), printedBy: 'own Chromium' };
}

/** The built renderer the PDFs are printed from (dist/renderer beside dist/cli). */
function rendererDir(): string {
  return process.env.TEND_RENDERER_DIR ?? path.join(__dirname, '..', 'renderer');
}

/** An account by id, external id, exact name, or a name fragment that matches exactly one. */
function findAccount(services: Services, which: string): { id: number; name: string } {
  const all = services.accounts.list({ includeArchived: true });
  const needle = which.toLowerCase();
  const exact =
    (/^\d+$/.test(which) ? all.find((a) => a.id === Number(which)) : undefined) ??
    all.find((a) => a.externalId === which) ??
    all.find((a) => a.name.toLowerCase() === needle);
  if (exact) return exact;
  const partial = all.filter((a) => a.name.toLowerCase().includes(needle));
  if (partial.length === 1) return partial[0];
  if (partial.length > 1) {
    const names = partial.slice(0, 5).map((a) => `${a.name} (id ${a.id})`).join(', ');
    throw new TendError('invalid_input', `"${which}" matches ${partial.length} accounts: ${names}${partial.length > 5 ? ', …' : ''}. Use the id or the full name.`);
  }
  throw new TendError('not_found', `No account matches "${which}". Run "tend accounts" to see ids and names.`);
}

function migrationsFolderFor(explicit: string | undefined): string {
  return explicit ?? migrationsFolder(__dirname);
}

/** Runs one `tend` invocation; returns the exit code. Never calls process.exit (tests call it). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let opened: OpenedDatabase | undefined;
  let json = argv.includes('--json');
  let dbFile: string | undefined;
  let folder: string | undefined;
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
    dbFile = path.resolve(explicitDb ?? defaultDatabaseFile());
    folder = migrationsFolderFor(io.migrationsFolder);
    if (!command.creates && !fs.existsSync(dbFile)) {
      throw new TendError('file_not_found', `There is no database at ${dbFile}. Run "tend --db ${dbFile} init" first, or pass --db with an existing file.`);
    }
    if (command.opens) {
      opened = await openDatabase(dbFile, { migrationsFolder: folder, createFolder: !explicitDb, quickCheck: !command.reads });
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
      options: values,
    });
  } catch (caught) {
    // Damage met after opening (reading commands skip the whole-file check) is said like damage on open.
    const sqliteSaid = isSqliteDamage(caught) ? (caught as Error).message : caught instanceof TendError && caught.code === 'db_corrupt' ? (caught.details as { sqlite?: string } | undefined)?.sqlite : undefined;
    const err = dbFile && sqliteSaid ? damagedDatabase(dbFile, sqliteSaid) : caught;
    const usage = err instanceof UsageError;
    const hint = latestBackupHint(err, dbFile, folder);
    const message = (err instanceof Error ? err.message : String(err)) + (hint?.text ?? '');
    if (json) {
      const code = err instanceof TendError ? err.code : usage ? 'usage' : 'internal';
      const latestBackup = hint?.backup ? { file: hint.backup.file, kind: hint.backup.kind, takenAt: hint.backup.takenAt.toISOString() } : undefined;
      io.stderr(`${JSON.stringify({ error: { code, message, ...(hint ? { latestBackup: latestBackup ?? null } : {}) } })}\n`);
    } else {
      io.stderr(`tend: ${message}\n`);
    }
    return usage ? EXIT.usage : EXIT.failed;
  } finally {
    opened?.close();
  }
}
