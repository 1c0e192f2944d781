// The application menu: Electron's Menu built from the plain template (electron/shell/menu-template.ts).
import { Menu } from 'electron';
import { menuTemplate, type MenuActions } from './shell/menu-template';

export function installMenu(actions: MenuActions, platform: { isMac: boolean; isPackaged: boolean }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, platform)));
}
