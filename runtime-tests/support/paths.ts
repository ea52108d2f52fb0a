/** Paths of the repository, wherever the compiled tests run from (dist/runtime-tests/…). */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const referenceProject = resolve(repoRoot, 'fixtures/reference-project');
export const targetDir = resolve(repoRoot, 'target');
