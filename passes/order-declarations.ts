/**
 * Pass `order-declarations`: puts type declarations in dependency order (each after every type it
 * contains by value; pointer-only references may point forward and are forward-declared by
 * emitters), ties broken by source position, and sorts functions and constants by source position.
 * Deterministic and idempotent.
 */
import { forEachTypeRef, typeIndex, type IrModule, type IrTypeDecl, type TypeId, type TypeRef } from '../compiler/ir.js';
import { right, type Pass } from '../compiler/pass.js';
import { compareCodeUnits, type Span } from '../compiler/source.js';

function bySource(a: { span: Span; id?: string; name: string }, b: { span: Span; id?: string; name: string }): number {
  const file = compareCodeUnits(a.span.file, b.span.file);
  if (file !== 0) return file;
  const start = a.span.start - b.span.start;
  return start !== 0 ? start : compareCodeUnits(a.id ?? a.name, b.id ?? b.name);
}

/**
 * A copy of `list` in source order. Lists mostly arrive in it already (monomorphization visits
 * definitions in source order), and checking takes one comparison per item where a sort of a large
 * crate's declarations takes a dozen; a stable sort would keep a sorted list as it is anyway.
 */
function sortedBySource<T extends { span: Span; id?: string; name: string }>(list: readonly T[]): T[] {
  for (let i = 1; i < list.length; i++) if (bySource(list[i - 1] as T, list[i] as T) > 0) return [...list].sort(bySource);
  return [...list];
}

/** The declaration `type` needs complete (by value), not through a pointer: at most one. */
function byValueDependency(type: TypeRef): TypeId | undefined {
  while (type.kind === 'array') type = type.element;
  return type.kind === 'named' ? type.id : undefined;
}

export function dependencyOrder(types: readonly IrTypeDecl[]): IrTypeDecl[] {
  const sorted = sortedBySource(types);
  const index = typeIndex({ types: sorted });
  // One map for both "being placed" (on the stack) and "placed": fewer lookups per declaration.
  const state = new Map<string, 'placing' | 'placed'>();
  const out: IrTypeDecl[] = [];
  const placeDependency = (type: TypeRef): void => {
    const dep = byValueDependency(type);
    const d = dep === undefined ? undefined : index.get(dep);
    if (d) place(d);
    else if (type.kind === 'pointer' || type.kind === 'fnPointer') placeNamesIn(type);
  };
  // Behind a pointer or in a function pointer's signature a struct or union may still be
  // incomplete (emitters forward-declare them), but an enum or an alias is a typedef name that C
  // needs declared first: `typedef FFIError (*Callback)(uint32_t);` must follow `FFIError`.
  const placeNamesIn = (type: TypeRef): void =>
    forEachTypeRef(type, (t) => {
      const d = t.kind === 'named' ? index.get(t.id) : undefined;
      if (d && d.kind !== 'struct' && d.kind !== 'union' && d.kind !== 'opaque') place(d);
    });
  const place = (t: IrTypeDecl): void => {
    if (state.has(t.id)) return;
    state.set(t.id, 'placing');
    if (t.kind === 'struct' || t.kind === 'union') for (const f of t.fields) placeDependency(f.type);
    else if (t.kind === 'alias') placeDependency(t.target);
    state.set(t.id, 'placed');
    out.push(t);
  };
  for (const t of sorted) place(t);
  return out;
}

export const orderDeclarations: Pass<IrModule, IrModule> = {
  name: 'order-declarations',
  run: (ir) =>
    right({
      ...ir,
      types: dependencyOrder(ir.types),
      functions: sortedBySource(ir.functions),
      constants: sortedBySource(ir.constants),
    }),
};
