/** The C# backend: one file per crate, `<ClassName>.cs`. */
import { diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { IrFunction, TypeRef } from '../../compiler/ir.js';
import type { Emitter } from '../emitter.js';
import { csharpCollisions } from './collisions.js';
import { emitFile, type CSharpOptions } from './emit.js';

export type { CSharpOptions };

export const csharpEmitter: Emitter<CSharpOptions> = {
  target: 'csharp',
  emit(ir, options, meta) {
    const index = new Map(ir.types.map((t) => [t.id, t]));
    // contracts.md §7: Mono passes packed structs by value wrongly; by pointer they work.
    const packedByValue = (t: TypeRef): boolean => {
      const d = t.kind === 'named' ? index.get(t.id) : undefined;
      return d?.kind === 'struct' && d.packed !== undefined;
    };
    const leftOut = (f: IrFunction): boolean => packedByValue(f.signature.returns) || f.signature.params.some((p) => packedByValue(p.type));
    const diagnostics = ir.functions.filter(leftOut).map((f) =>
      diagnostic('IC4005', `function \`${f.name}\` is left out of the C# file: Mono passes packed structs by value wrongly`, f.span, {
        notes: ['help: pass the packed struct by pointer'],
      }),
    );
    const functions = ir.functions.filter((f) => !leftOut(f));
    const collisions = csharpCollisions(ir, functions);
    if (collisions.length > 0) return { files: [], diagnostics: [...diagnostics, ...collisions] };
    return { files: [{ path: `${options.className ?? 'Interop'}.cs`, contents: emitFile(ir, functions, options, meta) }], diagnostics };
  },
};
