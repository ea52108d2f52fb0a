#!/usr/bin/env node
// Tuned before the compiler loads, so that no function is optimized under the default settings.
const { tuneV8ForBatchRun } = await import('../dist/compiler/cli/v8-tuning.js');
tuneV8ForBatchRun();
const { main } = await import('../dist/compiler/cli/main.js');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
