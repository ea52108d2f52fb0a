/** The C backend: one header per crate. */
import type { Emitter } from '../emitter.js';
import { emitHeader, type COptions } from './emit.js';

export type { COptions };

export const cEmitter: Emitter<COptions> = {
  target: 'c',
  emit: (ir, options, meta) => ({ files: [{ path: `${meta.name}.h`, contents: emitHeader(ir, options, meta) }], diagnostics: [] }),
};
