// The second launch of Tend (electron/second-instance.ts) with a small fake of Electron's
// BrowserWindow that keeps the state a real one would: minimised, visible, focused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleSecondInstance, launchedDatabase, launchedFile, type FocusableWindow } from '../../electron/second-instance';
import { tempDir } from '../helpers';

class FakeWindow implements FocusableWindow {
  calls: string[] = [];
  constructor(public minimized = false, public visible = true, public focused = false) {}
  isMinimized() { return this.minimized; }
  isVisible() { return this.visible; }
  restore() { this.calls.push('restore'); this.minimized = false; this.visible = true; }
  show() { this.calls.push('show'); this.visible = true; }
  focus() { this.calls.push('focus'); this.focused = this.visible && !this.minimized; }
}

function recorder() {
  const opened: string[] = [];
  const told: string[] = [];
  const later: string[] = [];
  return {
    opened,
    told,
    later,
    actions: { openDatabase: (f: string) => opened.push(f), tell: (m: string) => told.push(m), later: (f: string) => later.push(f) },
  };
}

const EXE = '/opt/Tend/tend';

describe('a second launch of Tend', () => {
  it('restores a minimised window and focuses it', () => {
    const window = new FakeWindow(true, true);
    const { actions, opened, told } = recorder();
    expect(handleSecondInstance(window, [EXE], '/home/csm', actions)).toEqual({ action: 'focused' });
    expect(window.calls).toEqual(['restore', 'focus']);
    expect(window.focused).toBe(true);
    expect([opened, told]).toEqual([[], []]);
  });

  it('shows a hidden window before focusing it, and only focuses a window already in view', () => {
    const hidden = new FakeWindow(false, false);
    handleSecondInstance(hidden, [EXE], '/', recorder().actions);
    expect(hidden.calls).toEqual(['show', 'focus']);
    expect(hidden.focused).toBe(true);
    const plain = new FakeWindow();
    handleSecondInstance(plain, [EXE, '--allow-file-access-from-files'], '/', recorder().actions);
    expect(plain.calls).toEqual(['focus']);
  });

  it('asks the first instance to open a database the launch named, resolved against its folder', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'client.db'), '');
    const window = new FakeWindow(true);
    const { actions, opened, told } = recorder();
    const result = handleSecondInstance(window, [EXE, '--some-chromium-switch', 'client.db'], dir, actions);
    expect(result).toEqual({ action: 'open-database', file: path.join(dir, 'client.db') });
    expect(opened).toEqual([path.join(dir, 'client.db')]);
    expect(told).toEqual([]);
    expect(window.focused).toBe(true);
  });

  it('does not import a CSV from a second launch, and says how to', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'accounts.csv');
    fs.writeFileSync(csv, 'name\nAcme\n');
    const { actions, opened, told } = recorder();
    const result = handleSecondInstance(new FakeWindow(), [EXE, csv], '/', actions);
    expect(result).toMatchObject({ action: 'ignored', file: csv });
    expect(opened).toEqual([]);
    expect(told).toEqual([`Tend is already open, so ${csv} was not imported. To import it, use Import in the Tend window and choose the file.`]);
  });

  it('ignores, with a message, a file that does not exist or is not a database', () => {
    const dir = tempDir();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'hello');
    const { actions, opened, told } = recorder();
    handleSecondInstance(new FakeWindow(), [EXE, path.join(dir, 'typo.db')], '/', actions);
    handleSecondInstance(new FakeWindow(), [EXE, notes], '/', actions);
    expect(opened).toEqual([]);
    expect(told[0]).toContain('typo.db was not opened because it does not exist');
    expect(told[1]).toContain(`${notes} was not opened because it is not a Tend database`);
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']); // nothing created
  });

  it('keeps the file a launch names while the first instance is still starting (no window yet), opening nothing yet', () => {
    const { actions, opened, told, later } = recorder();
    expect(handleSecondInstance(null, [EXE, '/tmp/x.db'], '/', actions)).toEqual({ action: 'starting', file: '/tmp/x.db' });
    expect(handleSecondInstance(null, [EXE], '/', actions)).toEqual({ action: 'starting', file: null });
    expect([opened, told, later]).toEqual([[], [], ['/tmp/x.db']]);
  });

  it('reads a file:// URI the way Linux launchers pass %U', () => {
    expect(launchedFile([EXE, 'file:///home/me/My%20Books/client.db'], '/')).toBe('/home/me/My Books/client.db');
  });

  it('skips the app folder of a development launch (electron .)', () => {
    expect(launchedFile(['/usr/lib/electron/electron', '.'], process.cwd())).toBeNull();
    const dir = tempDir();
    expect(launchedFile(['/usr/lib/electron/electron', '.', 'book.db'], dir)).toBe(path.join(dir, 'book.db'));
  });
});

describe('the first launch', () => {
  it('opens an existing database named on its command line, and nothing else', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'client.db'), '');
    fs.writeFileSync(path.join(dir, 'accounts.csv'), 'name\n');
    expect(launchedDatabase([EXE, 'client.db'], dir)).toBe(path.join(dir, 'client.db'));
    expect(launchedDatabase([EXE, 'accounts.csv'], dir)).toBeNull();
    expect(launchedDatabase([EXE, 'missing.db'], dir)).toBeNull();
    expect(launchedDatabase([EXE], dir)).toBeNull();
  });
});
