// The Electron main process: single-instance lock, the database (userData/tend.db by default, or the
// one the user opened last), the router bound to IPC, the window and the menu. Everything below the
// router is plain Node and shared with the CLI and the tests.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { MENU_EVENT } from '../shared/contract';
import { TendError } from '../shared/errors';
import { readAppState, writeAppState } from './app-state';
import { openDatabase, type OpenedDatabase } from './db/open';
import type { Platform } from './platform';
import { printRouteToPdf } from './print';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { electronNativeBinding } from './native';
import { startDueNotifications } from './notifications';
import { DATABASE_FILE_NAME, importWorkerScript, migrationsFolder } from './paths';
import { createRouter } from './router';
import { createServices, type Services } from './services';
import { recoveryOffer, restoreFromBackup } from './recovery';
import { handleSecondInstance, launchedDatabase } from './second-instance';
import { backupFile, backupPathFor, listBackups, restoreDatabase, rotateDailyBackup } from './services/backup';
import { systemClock } from './services/context';
import { createMainWindow, denyAllPermissions, registerAppScheme, serveRenderer } from './window';

const appRoot = path.join(__dirname, '..', '..');
let mainWindow: BrowserWindow | null = null;
let opened: OpenedDatabase | null = null;
let services: Services | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Focus this window; open a database the second launch named (electron/second-instance.ts).
  app.on('second-instance', (_event, argv, cwd) =>
    handleSecondInstance(mainWindow, argv, cwd, {
      openDatabase: (file) => void openOrRecover(file),
      tell: (message) => void dialog.showMessageBox({ type: 'info', message }),
    }),
  );
  registerAppScheme();
  app.whenReady().then(start, (err) => fatal(err));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && services) mainWindow = createMainWindow(preloadPath());
  });
  app.on('will-quit', () => opened?.close());
}

function preloadPath(): string {
  return path.join(__dirname, 'preload.js');
}

function nativeBinding(): string | undefined {
  return electronNativeBinding({
    appRoot,
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
}

function openOptions(createFolder = false) {
  return { migrationsFolder: migrationsFolder(__dirname), nativeBinding: nativeBinding(), createFolder };
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
  rotateDailyBackup(next.sqlite, next.file).catch((err) => console.error('Daily backup failed:', err));
  mainWindow?.webContents.send(MENU_EVENT, 'db:changed');
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
  const offer = recoveryOffer(file, err, openOptions());
  // With a database already open (File → Open, a second launch) giving up keeps it, not quits.
  const giveUp = opened?.sqlite.open ? 'Cancel' : 'Quit';
  const buttons = [...(offer.backup ? ['Restore This Backup'] : []), 'Open Another Database…', giveUp];
  const { response } = await dialog.showMessageBox({ type: 'error', title: offer.title, message: offer.message, detail: offer.detail, buttons });
  const choice = buttons[response];
  if (choice === 'Restore This Backup' && offer.backup) {
    try {
      adopt((await restoreFromBackup(file, offer.backup.file, openOptions())).opened);
      return true;
    } catch (restoreErr) {
      dialog.showErrorBox('Restore failed', (restoreErr as Error).message);
      return false;
    }
  }
  if (choice === 'Open Another Database…') return chooseDatabase('open');
  return false;
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

async function start(): Promise<void> {
  denyAllPermissions();
  serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  const userData = app.getPath('userData');
  // A database named on the command line (double-click, "Open with") wins over the last one used.
  const file =
    launchedDatabase(process.argv, process.cwd()) ?? readAppState(userData).lastDatabase ?? path.join(userData, DATABASE_FILE_NAME);
  try {
    await useDatabase(file, file.startsWith(userData));
  } catch (err) {
    if (!(await recoverFrom(err, file))) return app.quit();
  }
  const router = createRouter(
    () => {
      if (!services) throw new TendError('internal', 'No database is open. Use File → Open Database….');
      return services;
    },
    {
      version: app.getVersion(),
      onUnexpectedError: (channel, err) => console.error(`[${channel}]`, err),
      platform: desktopPlatform,
    },
  );
  registerIpc(router);
  mainWindow = createMainWindow(preloadPath());
  mainWindow.on('closed', () => (mainWindow = null));
  Menu.setApplicationMenu(
    buildMenu(
      () => mainWindow,
      {
        openDatabase: () => void chooseDatabase('open'),
        newDatabase: () => void chooseDatabase('new'),
        backup: () => void backupNow(),
        restore: () => void restoreNow(),
        about: () =>
          void dialog.showMessageBox({
            title: 'About Tend',
            message: `Tend ${app.getVersion()}`,
            detail: `Your book of business, offline.\nDatabase: ${opened?.file ?? 'none'}`,
          }),
      },
      process.platform === 'darwin',
    ),
  );
  // Due reminders as desktop notifications: now, then once a day; never twice for one reminder.
  startDueNotifications(
    {
      getServices: () => services,
      openToday: () => {
        if (!mainWindow) return;
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.focus();
        mainWindow.webContents.send(MENU_EVENT, 'navigate:today');
      },
    },
    () => services?.ctx.clock.today() ?? new Date().toISOString().slice(0, 10),
  );
}

/** Native dialogs (attached to the main window) and printToPDF for the router's file work. */
const desktopPlatform: Platform = {
  async chooseFile({ title, filters }) {
    const options = { title, filters, properties: ['openFile' as const] };
    const { filePaths } = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return filePaths[0] ?? null;
  },
  async chooseFiles({ title, filters }) {
    const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] };
    const { filePaths } = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return filePaths.length ? filePaths : null;
  },
  async chooseSaveFile({ title, defaultName, filters }) {
    const options = { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters };
    const { filePath } = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
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
    dialog.showErrorBox('Backup failed', (err as Error).message);
  }
}

async function restoreNow(): Promise<void> {
  if (!opened || refuseWhileImporting('restore a backup')) return;
  const current = opened.file;
  const { filePaths } = await dialog.showOpenDialog({
    title: 'Restore from a backup',
    defaultPath: path.dirname(listBackups(current)[0]?.file ?? current),
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
    dialog.showErrorBox('Restore failed', (err as Error).message);
    await useDatabase(current, false).catch((reopenErr) => recoverFrom(reopenErr, current));
  }
}

function fatal(err: unknown): void {
  dialog.showErrorBox('Tend could not start', err instanceof Error ? err.message : String(err));
  app.quit();
}
