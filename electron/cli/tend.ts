// Entry point of the `tend` binary (package.json "bin" → dist/cli/tend.js).
import { runCli } from './main';

// `tend … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

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
