/** The C# backend: one file per crate, `<ClassName>.cs`. */
import type { Emitter } from '../emitter.js';
import type { IrTypeDecl } from '../../compiler/ir.js';
import { withoutByValue, withoutPackedByValue } from '../limits.js';
import { csharpCollisions } from './collisions.js';
import { emitFile, type CSharpOptions } from './emit.js';

export type { CSharpOptions };

export const csharpEmitter: Emitter<CSharpOptions> = {
  target: 'csharp',
  emit(ir, options, meta) {
    const packed = withoutPackedByValue(ir, 'C# file', 'Mono');
    const index = new Map(ir.types.map((t) => [t.id, t]));
    // Mono's amd64 argument classifier aborts on a value holding, at any depth, a union with struct
    // members (every data enum: its variants are structs in a union).
    const unionOfStructs = (decl: IrTypeDecl, depth = 0): boolean =>
      depth < 32 &&
      (decl.kind === 'struct' || decl.kind === 'union') &&
      decl.fields.some((f) => {
        const inner = f.type.kind === 'named' ? index.get(f.type.id) : undefined;
        return inner !== undefined && ((decl.kind === 'union' && inner.kind === 'struct') || unionOfStructs(inner, depth + 1));
      });
    const unions = withoutByValue(ir, packed.functions, (decl) => unionOfStructs(decl), 'C# file: Mono cannot pass a union of structs by value', 'help: pass it by pointer');
    const functions = unions.functions;
    const diagnostics = [...packed.diagnostics, ...unions.diagnostics];
    const collisions = csharpCollisions(ir, functions);
    if (collisions.length > 0) return { files: [], diagnostics: [...diagnostics, ...collisions] };
    return { files: [{ path: `${options.className ?? 'Interop'}.cs`, contents: emitFile(ir, functions, options, meta) }], diagnostics };
  },
};
