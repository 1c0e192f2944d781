// The application menu (electron/shell/menu-template.ts), what a packaged app lets the environment
// change (electron/paths.ts), and the packaging config's promises that code relies on
// (electron-builder.yml: the appId Windows notifications use, fuses, file associations, what ships).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, migrationsFolder, PRODUCT_NAME } from '../../../electron/paths';
import { menuTemplate, type MenuActions, type MenuItem } from '../../../electron/shell/menu-template';
import { MENU_COMMANDS } from '../../../shared/contract';
import { tempDir } from '../../helpers';

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    openDatabase: () => calls.push('openDatabase'),
    newDatabase: () => calls.push('newDatabase'),
    backup: () => calls.push('backup'),
    restore: () => calls.push('restore'),
    about: () => calls.push('about'),
    showLogFile: () => calls.push('showLogFile'),
    send: (command) => calls.push(`send ${command}`),
  };
  return { actions, calls };
}

const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
const find = (items: MenuItem[], label: string) => flatten(items).find((item) => item.label === label);

describe('the application menu', () => {
  it('has DevTools and reload only when not packaged', () => {
    const roles = (isPackaged: boolean) => flatten(menuTemplate(recordingActions().actions, { isMac: false, isPackaged })).map((item) => item.role);
    expect(roles(false)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']));
    for (const role of ['toggleDevTools', 'reload', 'forceReload']) expect(roles(true)).not.toContain(role);
  });

  it('sends File → Capture from Calendar/Mail Files… as open:capture and shows the log file from Help', () => {
    const { actions, calls } = recordingActions();
    const menu = menuTemplate(actions, { isMac: false, isPackaged: true });
    find(menu, 'Capture from Calendar/Mail Files…')!.click!();
    find(menu, 'Show Log File')!.click!();
    expect(calls).toEqual(['send open:capture', 'showLogFile']);
    expect(menu.find((m) => m.label === 'Help')!.submenu!.map((m) => m.label)).toContain('Show Log File');
  });

  it('sends only known menu commands, and gives every accelerator to one item', () => {
    for (const isMac of [false, true]) {
      const { actions, calls } = recordingActions();
      const items = flatten(menuTemplate(actions, { isMac, isPackaged: false }));
      items.forEach((item) => item.click?.());
      const sent = calls.filter((c) => c.startsWith('send ')).map((c) => c.slice(5));
      expect(sent.every((command) => (MENU_COMMANDS as readonly string[]).includes(command))).toBe(true);
      const accelerators = items.map((item) => item.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
    expect(menuTemplate(recordingActions().actions, { isMac: true, isPackaged: true })[0].role).toBe('appMenu');
  });
});

describe('what a packaged app lets the environment change', () => {
  const from = path.join(tempDir(), 'app.asar', 'dist', 'electron');
  it('runs only the migrations it ships, whatever TEND_MIGRATIONS or the working folder say', () => {
    const resources = tempDir();
    const planted = tempDir();
    fs.mkdirSync(path.join(planted, 'meta'), { recursive: true });
    fs.writeFileSync(path.join(planted, 'meta', '_journal.json'), '{"entries":[]}');
    const packaged = migrationsFolder(from, { packaged: true, resourcesPath: resources, env: { TEND_MIGRATIONS: planted }, cwd: path.dirname(planted) });
    expect(packaged).toBe(path.join(resources, 'drizzle'));
    // In development and the CLI the override still works.
    expect(migrationsFolder(from, { packaged: false, resourcesPath: resources, env: { TEND_MIGRATIONS: planted } })).toBe(planted);
  });
});

describe('the packaging config', () => {
  const config = fs.readFileSync('electron-builder.yml', 'utf8');
  const value = (key: string) => new RegExp(`^\\s*${key}:\\s*(.+)$`, 'm').exec(config)?.[1].trim();

  it('names the app as the code does: Windows notifications need the same appId', () => {
    expect(value('appId')).toBe(APP_ID);
    expect(value('productName')).toBe(PRODUCT_NAME);
  });

  it('turns off the fuses an app that never loads file:// or runs as Node does not need', () => {
    for (const fuse of ['runAsNode', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'grantFileProtocolExtraPrivileges']) {
      expect(value(fuse), fuse).toBe('false');
    }
    for (const fuse of ['enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'enableCookieEncryption']) expect(value(fuse), fuse).toBe('true');
  });

  it('associates Tend databases and ships neither the CLI nor source maps', () => {
    expect(config).toMatch(/fileAssociations:\n\s+- ext: db\n/);
    expect(config).not.toMatch(/^\s+- dist\/cli/m);
    expect(config).toMatch(/^\s+- "!\*\*\/\*\.map"$/m);
    expect(config).not.toMatch(/asarUnpack:[\s\S]*better-sqlite3\/\*\*\n/);
  });
});
