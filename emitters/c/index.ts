/** The C backend: one header per crate. */
import { diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Emitter } from '../emitter.js';
import { emitHeader, type COptions } from './emit.js';
import { isReserved } from './names.js';

export type { COptions };

export const cEmitter: Emitter<COptions> = {
  target: 'c',
  emit(ir, options, meta) {
    // A symbol is fixed by the library: one that is a C or C++ keyword cannot be declared at all.
    const unnameable = ir.functions.filter((f) => isReserved(f.name));
    const diagnostics = unnameable.map((f) =>
      diagnostic('IC4005', `function \`${f.name}\` is left out of the C header: its symbol is a C/C++ keyword`, f.span, {
        notes: [`help: export it under another symbol with #[unsafe(export_name = "${f.name}_")]`],
      }),
    );
    const functions = ir.functions.filter((f) => !isReserved(f.name));
    return { files: [{ path: `${meta.name}.h`, contents: emitHeader({ ...ir, functions }, options, meta) }], diagnostics };
  },
};
