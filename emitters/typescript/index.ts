/** The TypeScript backend (koffi): one module per crate, built as a Babel AST. */
import { diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { TypeRef } from '../../compiler/ir.js';
import type { Emitter } from '../emitter.js';
import { emitModule, type TypeScriptOptions } from './emit.js';

export type { TypeScriptOptions };

export const typescriptEmitter: Emitter<TypeScriptOptions> = {
  target: 'typescript',
  emit(ir, options, meta) {
    const index = new Map(ir.types.map((t) => [t.id, t]));
    // contracts.md §7: koffi passes packed structs by value wrongly; by pointer they work.
    const packedByValue = (t: TypeRef): boolean => {
      const decl = t.kind === 'named' ? index.get(t.id) : undefined;
      return decl?.kind === 'struct' && decl.packed !== undefined;
    };
    const leftOut = ir.functions.filter((f) => packedByValue(f.signature.returns) || f.signature.params.some((p) => packedByValue(p.type)));
    const diagnostics = leftOut.map((f) =>
      diagnostic('IC4005', `function \`${f.name}\` is left out of the TypeScript module: koffi passes packed structs by value wrongly`, f.span, {
        notes: ['help: pass the packed struct by pointer'],
      }),
    );
    const functions = ir.functions.filter((f) => !leftOut.includes(f));
    return { files: [{ path: `${options.module ?? meta.name}.ts`, contents: emitModule(ir, functions, options, meta) }], diagnostics };
  },
};
