/**
 * The emitter registry: which backends exist and which options each reads from the config. With
 * `pipeline.ts`, the only place in `compiler/` that imports emitters.
 */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { diagnostic } from './diagnostics/diagnostic.js';
import type { IrModule } from './ir.js';
import type { InteropcConfig } from './config.js';
import type { EmitMeta, EmitResult, TargetName } from '../emitters/emitter.js';
import { cEmitter } from '../emitters/c/index.js';
import { pythonEmitter } from '../emitters/python/index.js';
import { typescriptEmitter, type TypeScriptOptions } from '../emitters/typescript/index.js';

export const availableTargets: readonly TargetName[] = ['c', 'python', 'typescript'];

export function emitTarget(target: TargetName, ir: IrModule, config: InteropcConfig, meta: EmitMeta): EmitResult | Diagnostic {
  switch (target) {
    case 'c':
      return cEmitter.emit(ir, { prefix: config.c?.prefix ?? '' }, meta);
    case 'python':
      return pythonEmitter.emit(ir, config.python?.module ? { module: config.python.module } : {}, meta);
    case 'typescript':
      return typescriptEmitter.emit(ir, typescriptOptions(config), meta);
    case 'csharp':
      return diagnostic('IC4002', `the ${target} backend is not available yet (available: ${availableTargets.join(', ')})`);
  }
}

/** The config's `typescript` section, without absent keys. */
function typescriptOptions(config: InteropcConfig): TypeScriptOptions {
  const ts = config.typescript ?? {};
  return Object.fromEntries(Object.entries(ts).filter(([, v]) => v !== undefined)) as TypeScriptOptions;
}
