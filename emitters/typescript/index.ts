/** The TypeScript backend (koffi): one module per crate, built as a Babel AST. */
import { diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { withoutPackedByValue } from '../limits.js';
import type { TypeRef } from '../../compiler/ir.js';
import type { Emitter } from '../emitter.js';
import { emitModule, type TypeScriptOptions } from './emit.js';

export type { TypeScriptOptions };

export const typescriptEmitter: Emitter<TypeScriptOptions> = {
  target: 'typescript',
  emit(ir, options, meta) {
    const { functions, diagnostics } = withoutPackedByValue(ir, 'TypeScript module', 'koffi');
    const index = new Map(ir.types.map((t) => [t.id, t]));
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
    return { files: [{ path: `${options.module ?? meta.name}.ts`, contents: emitModule(ir, functions, options, meta) }], diagnostics };
  },
};
