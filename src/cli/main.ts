#!/usr/bin/env node
/** The only file that touches `process`: it wires real stdio into the CLI and sets the exit code. */
import { run } from './program.js';

const code = await run(process.argv.slice(2), {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
