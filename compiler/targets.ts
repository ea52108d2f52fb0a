/**
 * The emitter registry: which backends exist and which options each reads from the config. With
 * `pipeline.ts`, the only place in `compiler/` that imports emitters.
 */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { IrModule } from './ir.js';
import type { InteropcConfig } from './config.js';
import type { EmitMeta, EmitResult, TargetName } from '../emitters/emitter.js';
import { cEmitter } from '../emitters/c/index.js';
import { pythonEmitter } from '../emitters/python/index.js';
import { csharpEmitter } from '../emitters/csharp/index.js';

import { typescriptEmitter, type TypeScriptOptions } from '../emitters/typescript/index.js';

export const availableTargets: readonly TargetName[] = ['c', 'csharp', 'python', 'typescript'];

export function emitTarget(target: TargetName, ir: IrModule, config: InteropcConfig, meta: EmitMeta): EmitResult | Diagnostic {
  switch (target) {
    case 'c':
      return cEmitter.emit(ir, { prefix: config.c?.prefix ?? '' }, meta);
    case 'python':
      return pythonEmitter.emit(ir, config.python ?? {}, meta);
    case 'csharp':
      return csharpEmitter.emit(ir, config.csharp ?? {}, meta);
    case 'typescript':
      return typescriptEmitter.emit(ir, typescriptOptions(config), meta);
  }
}

/** The config's `typescript` section, without absent keys. */
function typescriptOptions(config: InteropcConfig): TypeScriptOptions {
  const ts = config.typescript ?? {};
  return Object.fromEntries(Object.entries(ts).filter(([, v]) => v !== undefined)) as TypeScriptOptions;
}
