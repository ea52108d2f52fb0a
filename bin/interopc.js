#!/usr/bin/env node
// The CLI, started by launch.ts: V8 tuned for one batch run before any compiler code loads, then
// the single-file build of the compiler with its code cache.
const { launch } = await import('../dist/compiler/cli/launch.js');
process.exitCode = await launch(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
