#!/usr/bin/env node
/** `npm start`: the `decibel serve` command (src/cli/commands/serve.ts) with this process's environment. */
import { runCli } from './cli/run-cli.js';

process.exitCode = await runCli(['serve', ...process.argv.slice(2)], {
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
