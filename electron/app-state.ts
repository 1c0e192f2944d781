// Small state the desktop app keeps between runs (which database was open last), in userData.
import fs from 'node:fs';
import path from 'node:path';

export interface AppState {
  lastDatabase?: string;
}

export function readAppState(userData: string): AppState {
  try {
    return JSON.parse(fs.readFileSync(path.join(userData, 'state.json'), 'utf8')) as AppState;
  } catch {
    return {};
  }
}

export function writeAppState(userData: string, state: AppState): void {
  fs.mkdirSync(userData, { recursive: true });
  const file = path.join(userData, 'state.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
