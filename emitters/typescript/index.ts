/** The TypeScript backend (koffi): one module per crate, built as a Babel AST. */
import { diagnostic, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
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
    const diagnostics: Diagnostic[] = leftOut.map((f) =>
      diagnostic('IC4005', `function \`${f.name}\` is left out of the TypeScript module: koffi passes packed structs by value wrongly`, f.span, {
        notes: ['help: pass the packed struct by pointer'],
      }),
    );
    // koffi aligns to 8 at most: an over-aligned struct keeps its size (padding), but inside another
    // struct or an array its offset could differ from Rust's, so that use is reported.
    const overAligned = (t: TypeRef): string | undefined => {
      const inner = t.kind === 'array' ? t.element : t;
      const decl = inner.kind === 'named' ? index.get(inner.id) : undefined;
      return (decl?.kind === 'struct' || decl?.kind === 'union') && (decl.layout?.align ?? 0) > 8 ? decl.name : undefined;
    };
    for (const decl of ir.types) {
      if (decl.kind !== 'struct' && decl.kind !== 'union') continue;
      for (const f of decl.fields) {
        const name = overAligned(f.type);
        if (!name) continue;
        diagnostics.push(
          diagnostic('IC4005', `field \`${decl.name}.${f.name}\` cannot be laid out by koffi: \`${name}\` is aligned beyond 8 bytes`, decl.span, {
            notes: ['help: koffi aligns structs to 8 bytes at most; keep over-aligned structs out of other structs and arrays'],
          }),
        );
      }
    }
    const functions = ir.functions.filter((f) => !leftOut.includes(f));
    return { files: [{ path: `${options.module ?? meta.name}.ts`, contents: emitModule(ir, functions, options, meta) }], diagnostics };
  },
};
