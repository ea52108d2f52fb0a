/**
 * Temporary directories for tests, removed when the test process exits (ava runs each test file in
 * a process of its own), so that test runs do not fill the temp folder. `INTEROPC_KEEP_TEMP=1`
 * keeps them, to look at what a failing test generated.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

function removeAll(): void {
  if (process.env['INTEROPC_KEEP_TEMP'] === '1') return;
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}

/** A fresh directory named `prefix…` in `parent` (the system's temp folder by default). */
export function tempDir(prefix: string, parent = tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, prefix));
  if (made.length === 0) process.on('exit', removeAll);
  made.push(dir);
  return dir;
}
