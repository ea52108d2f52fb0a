/**
 * Generates the reference project's bindings into a fresh temporary directory through the
 * programmatic API, and returns the files and the IR.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../compiler/api.js';
import type { IrModule } from '../../compiler/ir.js';
import { referenceProject } from './paths.js';
import type { TargetName } from '../../emitters/emitter.js';
import { tempDir } from './temp.js';

export interface Generated {
  readonly dir: string;
  readonly ir: IrModule;
  readonly apiHash: string;
}

export async function generateReference(targets: TargetName[] = ['c']): Promise<Generated> {
  const result = await build({ crateDir: referenceProject, targets });
  if (!result.ok || !result.ir || !result.apiHash) {
    throw new Error(`generating the reference bindings failed:\n${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  }
  const dir = tempDir('interopc-ref-');
  for (const f of result.files) writeFileSync(join(dir, f.path), f.contents);
  return { dir, ir: result.ir, apiHash: result.apiHash };
}
