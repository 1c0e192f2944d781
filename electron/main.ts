// The Electron main process: single-instance lock, the log file, the database (userData/tend.db by
// default, or the one the user opened last), the router bound to IPC, the window and the menu.
// Everything below the router is plain Node and shared with the CLI and the tests; the shell's own
// logic is in electron/shell/ (start-up failures, window bookkeeping, files from the OS, the menu,
// notifications, the app:// handler), tested under Node. This file only wires Electron to it.
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, shell } from 'electron';
import log from 'electron-log/main';
import { MENU_EVENT, type MenuCommand } from '../shared/contract';
import { TendError } from '../shared/errors';
import { readAppState, writeAppState } from './app-state';
import { openDatabase, type OpenedDatabase } from './db/open';
import type { Platform } from './platform';
import { printRouteToPdf } from './print';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { electronNativeBinding } from './native';
import { startDueNotifications } from './notifications';
import { APP_ID, DATABASE_FILE_NAME, importWorkerScript, migrationsFolder } from './paths';
import { createRouter } from './router';
import { createServices, type Services } from './services';
import { recoveryOffer, restoreFromBackup } from './recovery';
import { handleSecondInstance, launchedDatabase } from './second-instance';
import { backupFile, backupPathFor, listBackups, restoreDatabase, rotateDailyBackup } from './services/backup';
import { systemClock } from './services/context';
import { MainWindowKeeper } from './shell/main-window';
import { checkNativeBinding } from './shell/native-check';
import { OpenFileQueue } from './shell/open-file';
import { runStartup, type StartupShell } from './shell/startup';
import { createMainWindow, denyAllPermissions, registerAppScheme, serveRenderer } from './window';

const appRoot = path.join(__dirname, '..', '..');
let opened: OpenedDatabase | null = null;
let services: Services | null = null;
/** The Electron-ABI better-sqlite3 binary, checked at start-up (shell/native-check.ts). */
let nativeFile: string | undefined;

// `--user-data-dir` (the launch test, a portable copy) moves userData, and the log and database with it.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
if (userDataSwitch) app.setPath('userData', path.resolve(userDataSwitch));

const logFile = setUpLog();

const windows = new MainWindowKeeper((route) =>
  createMainWindow({ preload: preloadPath(), route, devTools: !app.isPackaged, log, logFile: () => logFile, quit: () => app.quit() }),
);

/** macOS `open-file` events, which can come before the app is ready (shell/open-file.ts). */
const launchFiles = new OpenFileQueue();

const startupShell: StartupShell = {
  showError: (title, content) => dialog.showErrorBox(title, content),
  logError: (message, err) => log.error(message, err),
  logFile: () => logFile,
  exit: (code) => {
    opened?.close();
    app.exit(code);
  },
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Focus this window; open a database the second launch named (electron/second-instance.ts).
  // Still starting (a recovery dialog may be open), no window: what the launch names waits with
  // macOS's open-file requests. Started (macOS may have no window open): the window comes back.
  app.on('second-instance', (_event, argv, cwd) =>
    handleSecondInstance(services ? windows.ensure().window : null, argv, cwd, {
      openDatabase: (file) => openInBackground(file),
      tell: (message) => void dialog.showMessageBox({ type: 'info', message }),
      later: (file) => launchFiles.add(file),
    }),
  );
  app.on('open-file', (event, file) => {
    event.preventDefault();
    launchFiles.add(file);
  });
  registerAppScheme();
  // Windows ties notifications to the AppUserModelID: the installer's appId when packaged, the
  // Electron binary in development (which has no Start-menu shortcut carrying the appId).
  if (process.platform === 'win32') app.setAppUserModelId(app.isPackaged ? APP_ID : process.execPath);
  void app.whenReady().then(
    () => runStartup(start, startupShell),
    (err: unknown) => runStartup(() => Promise.reject(err), startupShell),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // macOS: the Dock icon with no window open makes the window again, tracked like the first.
  app.on('activate', () => {
    if (services) windows.ensure();
  });
  app.on('render-process-gone', (_event, _contents, details) => log.error(`A renderer process is gone: ${details.reason} (exit code ${details.exitCode})`));
  app.on('child-process-gone', (_event, details) =>
    log.error(`A ${details.type} process is gone: ${details.reason} (exit code ${details.exitCode})${details.name ? ` — ${details.name}` : ''}`),
  );
  app.on('will-quit', () => opened?.close());
}

/**
 * The log file (electron-log): main-process errors, uncaught exceptions and unhandled rejections,
 * renderer console errors and crashes (electron/window.ts), in the OS's usual place — Linux
 * ~/.config/Tend/logs/main.log, macOS ~/Library/Logs/Tend/main.log, Windows
 * %APPDATA%\Tend\logs\main.log. Returns its path.
 */
function setUpLog(): string {
  const file = path.join(app.getPath('logs'), 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.level = 'info';
  log.transports.console.level = app.isPackaged ? false : 'info';
  log.errorHandler.startCatching({ showDialog: false });
  // The main process's console.error / console.warn calls land in the file too.
  Object.assign(console, log.functions);
  log.info(`Tend ${app.getVersion()} starting: Electron ${process.versions.electron}, ${process.platform}-${process.arch}, packaged: ${app.isPackaged}`);
  return file;
}

function preloadPath(): string {
  return path.join(__dirname, 'preload.js');
}

function nativeBinding(): string | undefined {
  return nativeFile;
}

function openOptions(createFolder = false) {
  return {
    migrationsFolder: migrationsFolder(__dirname, { packaged: app.isPackaged, resourcesPath: process.resourcesPath }),
    nativeBinding: nativeBinding(),
    createFolder,
  };
}

async function useDatabase(file: string, createFolder: boolean): Promise<void> {
  adopt(await openDatabase(file, openOptions(createFolder)));
}

/** Makes `next` the open database (closing the previous one only now, after `next` opened). */
function adopt(next: OpenedDatabase): void {
  opened?.close();
  opened = next;
  // Imports run in a worker with its own connection, loading the same Electron-ABI binary.
  services = createServices(next, systemClock(), { importWorker: importWorkerScript(__dirname), nativeBinding: nativeBinding() });
  writeAppState(app.getPath('userData'), { lastDatabase: next.file });
  rotateDailyBackup(next.sqlite, next.file).catch((err) => log.error('Daily backup failed:', err));
  log.info(`Opened ${next.file}`);
  windows.send(MENU_EVENT, 'db:changed');
}

/** Switching databases under a running import would let its worker finish on the old file. */
function refuseWhileImporting(what: string): boolean {
  if (!services?.importJobs.anyRunning()) return false;
  dialog.showErrorBox(`Cannot ${what} now`, 'An import is running. Wait for it to finish, or cancel it on the Import screen, then try again.');
  return true;
}

async function openOrRecover(file: string): Promise<boolean> {
  if (refuseWhileImporting('open another database')) return false;
  return useDatabase(file, false).then(() => true, (err) => recoverFrom(err, file));
}

/** Opening failed: say why and offer what recovery.ts found (the latest good backup), another file, or quitting. */
async function recoverFrom(err: unknown, file: string): Promise<boolean> {
  log.warn(`Could not open ${file}:`, err);
  const offer = recoveryOffer(file, err, openOptions());
  // With a database already open (File → Open, a second launch) giving up keeps it, not quits.
  const giveUp = opened?.sqlite.open ? 'Cancel' : 'Quit';
  const buttons = [...(offer.backup ? ['Restore This Backup'] : []), 'Open Another Database…', giveUp];
  // Esc or closing the box gives up: it must never restore (which moves the user's file aside).
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: offer.title,
    message: offer.message,
    detail: offer.detail,
    buttons,
    cancelId: buttons.length - 1,
    defaultId: 0,
  });
  const choice = buttons[response];
  if (choice === 'Restore This Backup' && offer.backup) {
    try {
      adopt((await restoreFromBackup(file, offer.backup.file, openOptions())).opened);
      return true;
    } catch (restoreErr) {
      log.error('Restore failed:', restoreErr);
      dialog.showErrorBox('Restore failed', (restoreErr as Error).message);
      return false;
    }
  }
  if (choice === 'Open Another Database…') return chooseDatabase('open');
  // Quit with no database open (after a failed restore): nothing else to do. At start-up, start()
  // quits itself when this returns false.
  if (choice === 'Quit' && services && !services.ctx.sqlite.open) app.quit();
  return false;
}

/** File → Open, a second launch: failures end in a dialog, never in an unhandled rejection. */
function openInBackground(file: string): void {
  openOrRecover(file).catch((err: unknown) => {
    log.error(`Opening ${file} failed:`, err);
    dialog.showErrorBox('Could not open the database', `${file}: ${(err as Error)?.message ?? String(err)}`);
  });
}

async function chooseDatabase(mode: 'open' | 'new'): Promise<boolean> {
  const filters = [{ name: 'Tend database', extensions: ['db', 'sqlite'] }];
  const file =
    mode === 'open'
      ? (await dialog.showOpenDialog({ title: 'Open a Tend database', properties: ['openFile'], filters })).filePaths[0]
      : (await dialog.showSaveDialog({ title: 'New Tend database', defaultPath: 'client.db', filters })).filePath;
  if (!file) return false;
  return openOrRecover(file);
}

/** Screens the menu opens by route, so a new window (macOS, none open) can open right there. */
const MENU_ROUTES: Partial<Record<MenuCommand, string>> = {
  'navigate:portfolio': '/portfolio',
  'navigate:today': '/today',
  'navigate:import': '/import',
  'navigate:settings': '/settings',
  'navigate:renewals': '/renewals',
  'navigate:forecast': '/forecast',
  'navigate:trends': '/trends',
};

async function start(): Promise<void> {
  // The database engine first: a missing or mismatched better-sqlite3 is said as exactly that.
  nativeFile = checkNativeBinding(
    electronNativeBinding({
      appRoot,
      resourcesPath: process.resourcesPath,
      isPackaged: app.isPackaged,
      electronVersion: process.versions.electron,
      platform: process.platform,
      arch: process.arch,
    }),
    app.isPackaged,
  );
  denyAllPermissions();
  serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  const userData = app.getPath('userData');
  // A database the OS or the command line named (double-click, "Open with") wins over the last one used.
  // A last-used file that was moved or deleted is not silently re-created empty: Tend opens its own
  // default database and says so.
  const last = readAppState(userData).lastDatabase;
  const lastMissing = last && !fs.existsSync(last) ? last : null;
  const file =
    launchFiles.takeStartupDatabase() ??
    launchedDatabase(process.argv, process.cwd()) ??
    (lastMissing ? null : last) ??
    path.join(userData, DATABASE_FILE_NAME);
  try {
    await useDatabase(file, file.startsWith(userData));
  } catch (err) {
    if (!(await recoverFrom(err, file))) {
      app.quit();
      return;
    }
  }
  const router = createRouter(
    () => {
      if (!services) throw new TendError('internal', 'No database is open. Use File → Open Database….');
      return services;
    },
    {
      version: app.getVersion(),
      onUnexpectedError: (channel, err) => log.error(`[${channel}]`, err),
      platform: desktopPlatform,
    },
  );
  registerIpc(router);
  windows.ensure();
  if (lastMissing && opened) {
    void dialog.showMessageBox({
      type: 'info',
      message: 'The database you used last is no longer there',
      detail: `${lastMissing} was moved or deleted, so Tend opened ${opened.file}. If you moved it, choose File → Open Database… to open it from its new place.`,
    });
  }
  installMenu(
    {
      openDatabase: () => void chooseDatabase('open').catch((err: unknown) => showFailure('Could not open the database', err)),
      newDatabase: () => void chooseDatabase('new').catch((err: unknown) => showFailure('Could not create the database', err)),
      backup: () => void backupNow(),
      restore: () => void restoreNow(),
      about: () =>
        void dialog.showMessageBox({
          title: 'About Tend',
          message: `Tend ${app.getVersion()}`,
          detail: `Your book of business, offline.\nDatabase: ${opened?.file ?? 'none'}\nLog file: ${logFile}`,
        }),
      showLogFile: () => shell.showItemInFolder(logFile),
      send: (command) => void windows.deliver(MENU_EVENT, command, MENU_ROUTES[command]),
    },
    { isMac: process.platform === 'darwin', isPackaged: app.isPackaged },
  );
  // Due reminders as desktop notifications: now, then once a day; each announced once it was shown.
  startDueNotifications(
    {
      getServices: () => services,
      openToday: () => void windows.deliver(MENU_EVENT, 'navigate:today', '/today'),
      log: (message) => log.warn(message),
    },
    () => services?.ctx.clock.today() ?? new Date().toISOString().slice(0, 10),
  );
  // Files macOS asked to open, before and from now on: the same checks as a second launch.
  launchFiles.ready((launched) =>
    handleSecondInstance(windows.ensure().window, [process.execPath, launched], path.dirname(launched), {
      openDatabase: (target) => openInBackground(target),
      later: (target) => launchFiles.add(target),
      tell: (message) => void dialog.showMessageBox({ type: 'info', message }),
    }),
  );
  log.info('Started');
}

/** Native dialogs (attached to the main window) and printToPDF for the router's file work. */
const desktopPlatform: Platform = {
  async chooseFile({ title, filters }) {
    const options = { title, filters, properties: ['openFile' as const] };
    const window = windows.current;
    const { filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return filePaths[0] ?? null;
  },
  async chooseFiles({ title, filters }) {
    const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] };
    const window = windows.current;
    const { filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return filePaths.length ? filePaths : null;
  },
  async chooseSaveFile({ title, defaultName, filters }) {
    const options = { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters };
    const window = windows.current;
    const { filePath } = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return filePath || null;
  },
  printPdf: (route, file, paper) => printRouteToPdf(route, file, paper, preloadPath()),
};

async function backupNow(): Promise<void> {
  if (!opened) return;
  const { filePath } = await dialog.showSaveDialog({
    title: 'Back up the database',
    defaultPath: path.basename(backupPathFor(opened.file, 'manual')),
    filters: [{ name: 'Tend database', extensions: ['db'] }],
  });
  if (!filePath) return;
  try {
    await backupFile(opened.sqlite, filePath);
    await dialog.showMessageBox({ message: 'Backup saved', detail: filePath });
  } catch (err) {
    log.error('Backup failed:', err);
    dialog.showErrorBox('Backup failed', (err as Error).message);
  }
}

async function restoreNow(): Promise<void> {
  if (!opened || refuseWhileImporting('restore a backup')) return;
  const current = opened.file;
  let backupsFolder = path.dirname(current);
  try {
    backupsFolder = path.dirname(listBackups(current)[0]?.file ?? current);
  } catch (err) {
    log.warn('Could not list the backups:', err);
  }
  const { filePaths } = await dialog.showOpenDialog({
    title: 'Restore from a backup',
    defaultPath: backupsFolder,
    properties: ['openFile'],
    filters: [{ name: 'Tend database', extensions: ['db'] }],
  });
  if (!filePaths[0]) return;
  try {
    opened.close();
    const result = await restoreDatabase(current, filePaths[0], { nativeBinding: nativeBinding() });
    await useDatabase(current, false);
    await dialog.showMessageBox({
      message: 'Database restored',
      detail: result.previousCopy ? `The replaced database was saved to ${result.previousCopy}.` : '',
    });
  } catch (err) {
    log.error('Restore failed:', err);
    dialog.showErrorBox('Restore failed', (err as Error).message);
    const reopened = await useDatabase(current, false).then(
      () => true,
      (reopenErr) => recoverFrom(reopenErr, current),
    );
    // Nothing open any more and the user gave up: quit rather than leave a window on a closed file.
    if (!reopened && !opened?.sqlite.open) app.quit();
  }
}

function showFailure(title: string, err: unknown): void {
  log.error(`${title}:`, err);
  dialog.showErrorBox(title, (err as Error)?.message ?? String(err));
}
