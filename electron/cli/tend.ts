// Entry point of the `tend` binary (package.json "bin" → dist/cli/tend.js).
import { runCli } from './main';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`tend: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
