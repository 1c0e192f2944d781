// The application menu. Items that need the main process (dialogs, the database file) call actions;
// items that are screens send a menu command to the renderer.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_EVENT, type MenuCommand } from '../shared/contract';

export interface MenuActions {
  openDatabase(): void;
  newDatabase(): void;
  backup(): void;
  restore(): void;
  about(): void;
}

export function buildMenu(getWindow: () => BrowserWindow | null, actions: MenuActions, isMac: boolean): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_EVENT, command);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Account…', accelerator: 'CmdOrCtrl+N', click: send('open:new-account') },
        { type: 'separator' },
        { label: 'Open Database…', accelerator: 'CmdOrCtrl+O', click: actions.openDatabase },
        { label: 'New Database…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newDatabase },
        { type: 'separator' },
        { label: 'Import CSV…', accelerator: 'CmdOrCtrl+I', click: send('navigate:import') },
        { label: 'Export QBR…', accelerator: 'CmdOrCtrl+E', click: send('export:qbr') },
        { label: 'Export Portfolio Review…', click: send('export:review') },
        { type: 'separator' },
        { label: 'Backup…', click: actions.backup },
        { label: 'Restore from Backup…', click: actions.restore },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Portfolio', accelerator: 'CmdOrCtrl+1', click: send('navigate:portfolio') },
        { label: 'Today', accelerator: 'CmdOrCtrl+2', click: send('navigate:today') },
        { label: 'Import', accelerator: 'CmdOrCtrl+3', click: send('navigate:import') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: send('navigate:settings') },
        { label: 'Renewals', accelerator: 'CmdOrCtrl+5', click: send('navigate:renewals') },
        { label: 'Forecast', accelerator: 'CmdOrCtrl+6', click: send('navigate:forecast') },
        { type: 'separator' },
        { label: 'Quick Capture…', accelerator: 'CmdOrCtrl+L', click: send('open:quick-capture') },
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', click: send('open:command-palette') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Keyboard Shortcuts', click: send('open:shortcuts') },
        { type: 'separator' },
        { label: 'About Tend', click: actions.about },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
