#!/usr/bin/env node
// The CLI, started by launch.ts: V8 tuned for one batch run before any compiler code loads, then
// the single-file build of the compiler with its code cache. CommonJS, and the launcher's own
// single-file build when there is one: node then starts without its ES module loader (~10 ms).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const launcher = join(__dirname, '../dist/bundle/launch.cjs');
const loaded = existsSync(launcher) ? Promise.resolve(require(launcher)) : import('../dist/compiler/cli/launch.js');
loaded
  .then(({ launch }) => launch(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }))
  .then((code) => {
    // Once everything is written, exit at once: a natural exit first frees the V8 heap page by page
    // (hundreds of munmap calls after a large build), which the kernel does anyway at exit.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
    process.exitCode = code;
  });
