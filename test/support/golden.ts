/**
 * Golden comparison: exact equality, with a readable line diff on failure. `UPDATE_GOLDEN=1`
 * rewrites the expectation instead (each rewrite is a claim someone reviewed).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { build } from '../../compiler/api.js';
import type { TargetName } from '../../emitters/emitter.js';
import { referenceProject } from '../../runtime-tests/support/paths.js';

export const updating = (): boolean => process.env['UPDATE_GOLDEN'] === '1';

function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}:\n  expected: ${JSON.stringify(e[i])}\n  actual:   ${JSON.stringify(a[i])}`;
  }
  return 'no difference';
}

export function compareGolden(t: ExecutionContext, path: string, actual: string): void {
  if (updating()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    t.log(`rewrote ${path}: review the diff before committing`);
    t.pass('golden rewritten (UPDATE_GOLDEN=1)');
    return;
  }
  if (!existsSync(path)) {
    t.fail(`missing golden file ${path}; run with UPDATE_GOLDEN=1 and review it`);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  t.true(actual === expected, `${path} differs at ${firstDifference(actual, expected)}\n(UPDATE_GOLDEN=1 rewrites after review)`);
}

/**
 * The reference project's file for one target against `fixtures/reference-project/expected/<folder>/`:
 * every change to a backend's output is a reviewed diff.
 */
export async function compareReferenceGolden(t: ExecutionContext, target: TargetName, folder: string): Promise<void> {
  const result = await build({ crateDir: referenceProject, targets: [target] });
  const [file] = result.files;
  if (!file) return t.fail(result.diagnostics.map((d) => d.message).join('\n'));
  compareGolden(t, join(referenceProject, 'expected', folder, file.path), file.contents);
}
