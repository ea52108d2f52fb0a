/**
 * Writing generated files atomically: every file goes to a temporary file in the output directory
 * first, and only when all of them are written are they renamed into place. A failure leaves the
 * old files untouched and no partial output behind.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../../emitters/emitter.js';

/**
 * Writes `contents` to a temporary file beside `final` (its folder made if needed) and returns the
 * temporary file's path, for the caller to rename into place. A failed write leaves nothing behind.
 */
export function writeBeside(final: string, contents: string | Uint8Array): string {
  mkdirSync(dirname(final), { recursive: true });
  const temp = `${final}.interopc-${process.pid}.tmp`;
  try {
    writeFileSync(temp, contents);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return temp;
}

export function writeFilesAtomically(outDir: string, files: readonly OutputFile[]): string[] {
  const temps: { temp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = join(outDir, f.path);
      temps.push({ temp: writeBeside(final, f.contents), final });
    }
  } catch (e) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.temp, t.final);
  return temps.map((t) => t.final);
}

/**
 * Whether the file at `path` holds exactly `contents` (UTF-8). The sizes are compared first, and
 * equal sizes as bytes: a large header (5 MB) is then read without being decoded into a string.
 */
function holds(path: string, contents: string): boolean {
  try {
    return statSync(path).size === Buffer.byteLength(contents, 'utf8') && readFileSync(path).equals(Buffer.from(contents, 'utf8'));
  } catch {
    return false;
  }
}

/** Files whose contents on disk differ from what would be generated (missing files included). */
export function staleFiles(outDir: string, files: readonly OutputFile[]): string[] {
  return files.filter((f) => !holds(join(outDir, f.path), f.contents)).map((f) => join(outDir, f.path));
}
