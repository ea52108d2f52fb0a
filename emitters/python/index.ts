/** The Python backend (ctypes, standard library only): one module per crate. */
import { diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { TypeRef } from '../../compiler/ir.js';
import type { Emitter } from '../emitter.js';
import { emitModule, type PythonOptions } from './emit.js';

export type { PythonOptions };

export const pythonEmitter: Emitter<PythonOptions> = {
  target: 'python',
  emit(ir, options, meta) {
    const index = new Map(ir.types.map((t) => [t.id, t]));
    // contracts.md §7: ctypes passes packed structs by value wrongly; by pointer they work.
    const packedByValue = (t: TypeRef): boolean => t.kind === 'named' && index.get(t.id)?.kind === 'struct' && (index.get(t.id) as { packed?: number }).packed !== undefined;
    const leftOut = ir.functions.filter((f) => packedByValue(f.signature.returns) || f.signature.params.some((p) => packedByValue(p.type)));
    const diagnostics = leftOut.map((f) =>
      diagnostic('IC4005', `function \`${f.name}\` is left out of the Python module: ctypes passes packed structs by value wrongly`, f.span, {
        notes: ['help: pass the packed struct by pointer'],
      }),
    );
    const functions = ir.functions.filter((f) => !leftOut.includes(f));
    return { files: [{ path: `${options.module ?? meta.name}.py`, contents: emitModule(ir, functions, options, meta) }], diagnostics };
  },
};
