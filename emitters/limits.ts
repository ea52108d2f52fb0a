/**
 * Per-target limits (contracts.md §7) that more than one backend shares. ctypes, Mono and koffi
 * all pass packed structs by value wrongly (by pointer they work), so those functions are left out
 * of the bindings, each with a warning that says why.
 */
import { diagnostic, type Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { IrFunction, IrModule, IrTypeDecl, TypeRef } from '../compiler/ir.js';

export interface Kept {
  /** The functions the backend binds. */
  readonly functions: readonly IrFunction[];
  /** One IC4005 warning per function left out. */
  readonly diagnostics: Diagnostic[];
}

/** `ir.functions` without those taking or returning a packed struct by value. */
export function withoutPackedByValue(ir: IrModule, output: string, runtime: string): Kept {
  return withoutByValue(ir, ir.functions, (decl) => decl.kind === 'struct' && decl.packed !== undefined, `${output}: ${runtime} passes packed structs by value wrongly`, 'help: pass the packed struct by pointer');
}

/**
 * `functions` without those taking or returning by value a declaration `matches`, each left out
 * with an IC4005 warning: "function `f` is left out of the <why>".
 */
export function withoutByValue(ir: IrModule, functions: readonly IrFunction[], matches: (decl: IrTypeDecl) => boolean, why: string, help: string): Kept {
  const index = new Map(ir.types.map((t) => [t.id, t]));
  const byValue = (t: TypeRef): boolean => {
    const decl = t.kind === 'named' ? index.get(t.id) : undefined;
    return decl !== undefined && matches(decl);
  };
  const leftOut = (f: IrFunction): boolean => byValue(f.signature.returns) || f.signature.params.some((p) => byValue(p.type));
  return {
    functions: functions.filter((f) => !leftOut(f)),
    diagnostics: functions.filter(leftOut).map((f) => diagnostic('IC4005', `function \`${f.name}\` is left out of the ${why}`, f.span, { notes: [help] })),
  };
}
