// The application menu as data: which items exist and what each does. Plain code, so
// test/unit/shell/menu-template.test.ts checks it under Node; electron/menu.ts builds Electron's
// Menu from it. Items that need the main process (dialogs, files) call actions; items that are
// screens send a menu command to the renderer. DevTools and reload exist only when not packaged.
import type { MenuCommand } from '../../shared/contract';

export type MenuRole =
  | 'appMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'close'
  | 'quit'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools';

/** The part of Electron's MenuItemConstructorOptions the menu uses. */
export interface MenuItem {
  label?: string;
  accelerator?: string;
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuItem[];
  click?: () => void;
}

export interface MenuActions {
  openDatabase(): void;
  newDatabase(): void;
  backup(): void;
  restore(): void;
  about(): void;
  showLogFile(): void;
  /** Sends a menu command to the renderer. */
  send(command: MenuCommand): void;
}

const separator: MenuItem = { type: 'separator' };

export function menuTemplate(actions: MenuActions, platform: { isMac: boolean; isPackaged: boolean }): MenuItem[] {
  const send = (command: MenuCommand) => () => actions.send(command);
  const developer: MenuItem[] = platform.isPackaged ? [] : [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  return [
    ...(platform.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Account…', accelerator: 'CmdOrCtrl+N', click: send('open:new-account') },
        separator,
        { label: 'Open Database…', accelerator: 'CmdOrCtrl+O', click: actions.openDatabase },
        { label: 'New Database…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newDatabase },
        separator,
        { label: 'Import CSV…', accelerator: 'CmdOrCtrl+I', click: send('navigate:import') },
        { label: 'Capture from Calendar/Mail Files…', click: send('open:capture') },
        { label: 'Export QBR…', accelerator: 'CmdOrCtrl+E', click: send('export:qbr') },
        { label: 'Export Portfolio Review…', click: send('export:review') },
        separator,
        { label: 'Backup…', click: actions.backup },
        { label: 'Restore from Backup…', click: actions.restore },
        separator,
        platform.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Portfolio', accelerator: 'CmdOrCtrl+1', click: send('navigate:portfolio') },
        { label: 'Today', accelerator: 'CmdOrCtrl+2', click: send('navigate:today') },
        { label: 'Import', accelerator: 'CmdOrCtrl+3', click: send('navigate:import') },
        { label: 'Renewals', accelerator: 'CmdOrCtrl+5', click: send('navigate:renewals') },
        { label: 'Forecast', accelerator: 'CmdOrCtrl+6', click: send('navigate:forecast') },
        { label: 'Trends', accelerator: 'CmdOrCtrl+7', click: send('navigate:trends') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: send('navigate:settings') },
        separator,
        { label: 'Quick Capture…', accelerator: 'CmdOrCtrl+L', click: send('open:quick-capture') },
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', click: send('open:command-palette') },
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Keyboard Shortcuts', click: send('open:shortcuts') },
        { label: 'Show Log File', click: actions.showLogFile },
        separator,
        { label: 'About Tend', click: actions.about },
      ],
    },
  ];
}
