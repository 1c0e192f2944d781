// Before any database is opened, the desktop app loads its better-sqlite3 binary once: a missing
// binary, one built for another Electron (NODE_MODULE_VERSION) or another platform or processor is
// then said as exactly that, with what to do — not as "could not open the database". Plain Node
// (test/unit/shell/native-check.test.ts loads real files).
import Database from 'better-sqlite3';
import { NATIVE_BUILD_COMMAND, type NativeBinding } from '../native';
import { StartupError } from './startup';

const TITLE = 'Tend’s database engine could not be loaded';

/** Why a binary did not load, in words, from the loader's message. */
export function describeLoadFailure(message: string): string {
  const versions = /NODE_MODULE_VERSION (\d+)[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/.exec(message);
  if (versions) return `it was built for another version of Electron or Node (module version ${versions[1]}; this Tend needs ${versions[2]})`;
  if (/invalid ELF header|wrong ELF class|ELF file|not a valid Win32 application|%1 is not a valid|incompatible architecture|not a mach-o file|mach-o file, but|file too short|slice is not valid/i.test(message)) {
    return 'it was built for another operating system or processor';
  }
  if (/Cannot find module|ENOENT|No such file|image not found|could not be found/i.test(message)) return 'the file is missing';
  if (/undefined symbol|Symbol not found|procedure could not be found/i.test(message)) return 'it does not match this version of Electron';
  return `it could not be loaded (${message.split('\n')[0]})`;
}

/**
 * The binary to hand to every connection, checked: throws a StartupError saying what is wrong and
 * what to do when it is missing, mismatched or does not load.
 */
export function checkNativeBinding(binding: NativeBinding, isPackaged: boolean): string {
  if (binding.file === null) throw new StartupError(TITLE, binding.problem);
  try {
    new Database(':memory:', { nativeBinding: binding.file }).close();
  } catch (err) {
    const fix = isPackaged
      ? 'Reinstall Tend (download the installer for this computer again).'
      : `Run "${NATIVE_BUILD_COMMAND}" in the checkout and start Tend again.`;
    throw new StartupError(TITLE, `Tend’s database engine (${binding.file}) could not be loaded: ${describeLoadFailure((err as Error).message ?? String(err))}. ${fix}`);
  }
  return binding.file;
}
