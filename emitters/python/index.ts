/** The Python backend (ctypes, standard library only): one module per crate. */
import type { Emitter } from '../emitter.js';
import { withoutPackedByValue } from '../limits.js';
import { emitModule, type PythonOptions } from './emit.js';

export type { PythonOptions };

export const pythonEmitter: Emitter<PythonOptions> = {
  target: 'python',
  emit(ir, options, meta) {
    const { functions, diagnostics } = withoutPackedByValue(ir, 'Python module', 'ctypes');
    return { files: [{ path: `${options.module ?? meta.name}.py`, contents: emitModule(ir, functions, options, meta) }], diagnostics };
  },
};
