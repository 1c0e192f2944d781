// The import graph is the architecture (STYLE.md): only the Electron shell imports 'electron', the
// renderer never reaches into the main process, and shared/ stays free of Node and Electron.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SHELL = ['electron/main.ts', 'electron/window.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/menu.ts', 'electron/print.ts', 'electron/notifications.ts'];

function sources(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

describe('the architecture', () => {
  it('imports electron only in the thin shell', () => {
    const offenders = [...sources('electron'), ...sources('shared'), ...sources('renderer')].filter(
      (file) => !SHELL.includes(file.split(path.sep).join('/')) && imports(file).some((i) => i === 'electron' || i.startsWith('electron/')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the renderer off Node and off the main process code', () => {
    const offenders = sources('renderer').flatMap((file) =>
      imports(file)
        .filter((i) => i.startsWith('node:') || i.includes('/electron/') || i === 'better-sqlite3' || i.startsWith('drizzle-orm'))
        .map((i) => `${file}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps shared/ pure: no Node, no database, no Electron', () => {
    const offenders = sources('shared').flatMap((file) =>
      imports(file)
        .filter((i) => i.startsWith('node:') || i.includes('electron') || i === 'better-sqlite3' || i.startsWith('drizzle-orm'))
        .map((i) => `${file}: ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('renders user text as text: no HTML injection sinks in the renderer', () => {
    const offenders = sources('renderer').filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('leaves the shell only the dialogs: recovery and the second launch are plain, tested modules', () => {
    const main = fs.readFileSync('electron/main.ts', 'utf8');
    expect(main).toMatch(/app\.on\('second-instance', \([^)]*\) =>\s*handleSecondInstance\(/);
    expect(main).toMatch(/recoveryOffer\(file, err, /);
    expect(main).toMatch(/restoreFromBackup\(/);
    for (const plain of ['electron/recovery.ts', 'electron/second-instance.ts']) expect(imports(plain)).not.toContain('electron');
  });

  it('builds every window — the main one and the hidden print window — with the sandbox on, Node off and the lockdown', async () => {
    for (const file of ['electron/window.ts', 'electron/print.ts']) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toMatch(/contextIsolation: true/);
      expect(text).toMatch(/sandbox: true/);
      expect(text).toMatch(/nodeIntegration: false/);
      expect(text).toMatch(/spellcheck: false/);
      expect(text).toMatch(/lockDown\(window\.webContents\)/);
    }
    const lockdown = fs.readFileSync('electron/shell/lockdown.ts', 'utf8');
    expect(lockdown).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(lockdown).toMatch(/will-navigate/);
  });
});
