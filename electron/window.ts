// The main window and the app:// protocol it loads from, with Electron's security checklist applied:
// context isolation, sandbox, no Node integration, a strict CSP on every response, no navigation,
// no new windows, no webviews, every permission request denied, no spellcheck dictionary downloads.
// The logic lives in plain modules: the protocol handler (shell/protocol.ts), the lockdown
// (shell/lockdown.ts) and what to do when the window is in trouble (shell/window-trouble.ts).
import path from 'node:path';
import { BrowserWindow, dialog, protocol, session } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './csp';
import { lockDown } from './shell/lockdown';
import { serveAppRequest } from './shell/protocol';
import { WindowTroubleGuard } from './shell/window-trouble';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rendererRoot` (types, CSP, refusals: shell/protocol.ts). */
export function serveRenderer(rendererRoot: string): void {
  const root = path.resolve(rendererRoot);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root));
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Offline: no spell-check dictionary is ever downloaded.
  session.defaultSession.setSpellCheckerEnabled(false);
}

/** The page a window loads: index.html, at a renderer route ("/today") if given. */
export function appPageUrl(route?: string): string {
  return `${APP_ORIGIN}/index.html${route ? `#${route}` : ''}`;
}

export interface MainWindowOptions {
  preload: string;
  /** Renderer route to open at (a new window for a notification click opens at "/today"). */
  route?: string;
  /** DevTools only in development (app.isPackaged false). */
  devTools: boolean;
  /** Main-process log: renderer console errors, crashes, failed loads. */
  log: { error(...args: unknown[]): void; warn(...args: unknown[]): void };
  logFile(): string;
  quit(): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Tend',
    backgroundColor: '#f7f7f5',
    // Written out here (not spread from a constant) so electronegativity can read them.
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      // Electron on Linux and Windows downloads spellcheck dictionaries: an offline app sends nothing.
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  lockDown(window.webContents);
  watchForTrouble(window, options);
  window.once('ready-to-show', () => window.show());
  const url = appPageUrl(options.route);
  // A failed load is reported by 'did-fail-load' (below), which offers Reload.
  window.loadURL(url).catch(() => undefined);
  return window;
}

/** Failed loads, a dead renderer and a frozen page get a message and Reload; console errors go to the log. */
function watchForTrouble(window: BrowserWindow, options: MainWindowOptions): void {
  const contents = window.webContents;
  const guard = new WindowTroubleGuard({
    ask: async (box, signal) => {
      if (window.isDestroyed()) return box.cancelId;
      if (!window.isVisible()) window.show();
      const { response } = await dialog.showMessageBox(window, { type: 'error', noLink: true, ...box, signal });
      return response;
    },
    reload: () => {
      if (!window.isDestroyed()) window.loadURL(appPageUrl()).catch(() => undefined);
    },
    quit: options.quit,
    log: (message) => options.log.error(message),
    logFile: options.logFile,
    now: () => Date.now(),
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (isMainFrame) void guard.report({ kind: 'load-failed', errorCode, description: errorDescription, url: validatedURL });
  });
  contents.on('render-process-gone', (_event, details) => {
    void guard.report({ kind: 'renderer-gone', reason: details.reason, exitCode: details.exitCode });
  });
  window.on('unresponsive', () => void guard.report({ kind: 'unresponsive' }));
  window.on('responsive', () => guard.responsive());
  contents.on('console-message', (details) => {
    if (details.level === 'error') options.log.error(`[renderer] ${details.message} (${details.sourceId}:${details.lineNumber})`);
    else if (details.level === 'warning') options.log.warn(`[renderer] ${details.message}`);
  });
}
