/**
 * The emitter registry: which backends exist and which options each reads from the config. With
 * `pipeline.ts`, the only place in `compiler/` that imports emitters. Each emitter is loaded when
 * its target is asked for: a C header should not pay for loading Babel (~0.25 s of start-up).
 */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { IrModule } from './ir.js';
import type { InteropcConfig } from './config.js';
import type { EmitMeta, EmitResult, TargetName } from '../emitters/emitter.js';
import type { TypeScriptOptions } from '../emitters/typescript/index.js';

export const availableTargets: readonly TargetName[] = ['c', 'csharp', 'python', 'typescript'];

export async function emitTarget(target: TargetName, ir: IrModule, config: InteropcConfig, meta: EmitMeta): Promise<EmitResult | Diagnostic> {
  switch (target) {
    case 'c':
      return (await import('../emitters/c/index.js')).cEmitter.emit(ir, { prefix: config.c?.prefix ?? '' }, meta);
    case 'python':
      return (await import('../emitters/python/index.js')).pythonEmitter.emit(ir, config.python ?? {}, meta);
    case 'csharp':
      return (await import('../emitters/csharp/index.js')).csharpEmitter.emit(ir, config.csharp ?? {}, meta);
    case 'typescript':
      return (await import('../emitters/typescript/index.js')).typescriptEmitter.emit(ir, typescriptOptions(config), meta);
  }
}

/** The config's `typescript` section, without absent keys. */
function typescriptOptions(config: InteropcConfig): TypeScriptOptions {
  const ts = config.typescript ?? {};
  return Object.fromEntries(Object.entries(ts).filter(([, v]) => v !== undefined)) as TypeScriptOptions;
}
