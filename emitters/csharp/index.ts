/** The C# backend: one file per crate, `<ClassName>.cs`. */
import type { Emitter } from '../emitter.js';
import { withoutPackedByValue } from '../limits.js';
import { csharpCollisions } from './collisions.js';
import { emitFile, type CSharpOptions } from './emit.js';

export type { CSharpOptions };

export const csharpEmitter: Emitter<CSharpOptions> = {
  target: 'csharp',
  emit(ir, options, meta) {
    const { functions, diagnostics } = withoutPackedByValue(ir, 'C# file', 'Mono');
    const collisions = csharpCollisions(ir, functions);
    if (collisions.length > 0) return { files: [], diagnostics: [...diagnostics, ...collisions] };
    return { files: [{ path: `${options.className ?? 'Interop'}.cs`, contents: emitFile(ir, functions, options, meta) }], diagnostics };
  },
};
