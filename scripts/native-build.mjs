// The pure parts of scripts/electron-native.mjs (getting better-sqlite3 for Electron's ABI), kept
// apart so they are unit-tested under plain Node (test/unit/shell/native-build.test.ts): which Node
// runs Electron's tooling, the cache key, the copy filter, and what a failed attempt means.
import path from 'node:path';

/** Electron 45's installer, @electron/get 5 and @electron/rebuild 4 declare Node >= 22.12. */
export const ELECTRON_TOOLING_NODE = '22.12.0';

export function nodeRunsElectronTooling(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The .native/ folder of one build: every input that changes the binary is in its name. */
export function cacheKey({ betterSqlite3, electron, platform, arch }) {
  return `better-sqlite3-${betterSqlite3}-electron-${electron}-${platform}-${arch}`;
}

/**
 * What to copy of better-sqlite3 into the work folder: everything but its own build output (the Node
 * build: `build/` and `prebuilds/` at the module's root). Judged relative to the module, so a
 * checkout under any folder named "build" still copies everything.
 */
export function copyFilter(moduleRoot, pathApi = path) {
  return (file) => {
    const relative = pathApi.relative(moduleRoot, file);
    const first = relative.split(/[\\/]/)[0];
    return first !== 'build' && first !== 'prebuilds';
  };
}

/**
 * What each kind of failure looks like in the output of prebuild-install, node-gyp or a compiler:
 * the pattern that detects it, and the one that finds the line that says it best (node-gyp prints
 * "gyp info find Python …" when it succeeds, so only its ERR lines count).
 */
const FAILURE_PATTERNS = [
  {
    kind: 'no-python',
    detect: /gyp ERR! find Python|Could not find any Python|python3?: (command )?not found/i,
    tell: /Could not find any Python|python3?: (command )?not found/i,
  },
  {
    kind: 'no-toolchain',
    detect:
      /gyp ERR! find VS|could not find a version of Visual Studio|install the latest version of Visual Studio|not found: make|make: (command )?not found|(g\+\+|c\+\+|gcc|cc|clang\+\+): (command )?not found|(g\+\+|c\+\+|gcc|cc): No such file or directory|No Xcode or CLT|xcrun: error|invalid active developer path/i,
    tell: /could not find a version of Visual Studio|xcrun: error|No Xcode or CLT|not found: make|make: (command )?not found|: (command )?not found|: No such file or directory/i,
  },
  { kind: 'no-prebuilt', detect: /No prebuilt binaries found|404 Not Found/i },
  {
    kind: 'offline',
    detect:
      /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|getaddrinfo|network is unreachable|related to network connectivity|unable to get local issuer certificate|self[- ]signed certificate/i,
  },
];

/**
 * What a failed attempt's output means: the first kind that matches, in this order.
 * @returns {'offline' | 'no-prebuilt' | 'no-python' | 'no-toolchain' | 'failed'}
 */
export function classifyFailure(output) {
  const text = String(output);
  return FAILURE_PATTERNS.find(({ detect }) => detect.test(text))?.kind ?? 'failed';
}

/** The line of the output that says why (for the message): one of its kind, else the first error, else the last line. */
export function telltaleLine(output) {
  const lines = String(output)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const failure = FAILURE_PATTERNS.find(({ detect }) => detect.test(String(output)));
  let at = failure ? lines.findIndex((line) => (failure.tell ?? failure.detect).test(line)) : -1;
  if (at < 0) at = lines.findIndex((line) => /ERR!|error/i.test(line));
  if (at < 0) return (lines.at(-1) ?? '').slice(0, 240);
  // A sentence wrapped onto the next line reads better whole.
  const wrapped = at + 1 < lines.length && /^[a-z]+[ ,.]/.test(lines[at + 1]) && !/^(gyp|make|npm|prebuild-install)\b/.test(lines[at + 1]) && !/[.!]$/.test(lines[at]);
  return (wrapped ? `${lines[at]} ${lines[at + 1]}` : lines[at]).slice(0, 240);
}

/** How to get a C++ toolchain and Python on each OS (what node-gyp needs for a source build). */
export function toolchainHelp(platform) {
  if (platform === 'darwin') return "install Apple's Command Line Tools (xcode-select --install); they include Python 3 and clang";
  if (platform === 'win32') {
    return 'install Visual Studio Build Tools with the "Desktop development with C++" workload (winget install Microsoft.VisualStudio.2022.BuildTools --override "--add Microsoft.VisualStudio.Workload.VCTools --includeRecommended --passive") and Python 3 (winget install Python.Python.3.12)';
  }
  return 'install a C++ toolchain and Python 3 (Debian/Ubuntu: sudo apt install build-essential python3; Fedora: sudo dnf install gcc-c++ make python3; Arch: sudo pacman -S base-devel python)';
}

const PREBUILT_WHY = {
  offline: 'could not be downloaded from GitHub (no network)',
  'no-prebuilt': 'is not published for this Electron version and platform',
  failed: 'could not be installed',
};
const SOURCE_WHY = {
  offline: "could not download Electron's headers (no network)",
  'no-python': 'found no Python 3 (node-gyp needs it)',
  'no-toolchain': 'found no C++ compiler or build tools',
  failed: 'failed',
};

/**
 * The message when both ways failed: which one failed and why, and what to do.
 * @param {{ betterSqlite3: string, electron: string, abi: string, platform: string, arch: string,
 *   prebuilt: { kind: string, line: string }, source: { kind: string, line: string } }} r
 */
export function failureReport(r) {
  const target = `better-sqlite3 ${r.betterSqlite3} for Electron ${r.electron} (${r.platform}-${r.arch}, ABI ${r.abi})`;
  const todo = [];
  if (r.prebuilt.kind === 'offline' || r.source.kind === 'offline') {
    todo.push('connect to the internet and run it again (it is needed once; the result is kept in .native/)');
  }
  if (r.source.kind === 'no-python' || r.source.kind === 'no-toolchain') {
    todo.push(`${r.prebuilt.kind === 'offline' ? 'or, to build without the download, ' : ''}${toolchainHelp(r.platform)}, then run it again`);
  }
  if (todo.length === 0) todo.push('read the output above, fix what it names, and run it again');
  return [
    `Could not get ${target}.`,
    `  1. The prebuilt binary ${PREBUILT_WHY[r.prebuilt.kind] ?? PREBUILT_WHY.failed}: ${r.prebuilt.line || 'no output'}`,
    `  2. The build from source ${SOURCE_WHY[r.source.kind] ?? SOURCE_WHY.failed}: ${r.source.line || 'no output'}`,
    `What to do: ${todo.join('; ')}.`,
    'The tests and the tend CLI do not need this step (they use the Node build in node_modules).',
  ].join('\n');
}
