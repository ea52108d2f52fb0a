/**
 * The order the module declares types in. ctypes needs a type complete before it is used by value
 * — in a field, an array, or a `CFUNCTYPE` signature — while pointers may point at classes whose
 * `_fields_` come later. The IR's order covers fields; this adds signatures.
 */
import type { IrTypeDecl, TypeId, TypeRef } from '../../compiler/ir.js';

function byValue(t: TypeRef, out: TypeId[]): void {
  switch (t.kind) {
    case 'named':
      out.push(t.id);
      return;
    case 'array':
      return byValue(t.element, out);
    case 'fnPointer':
      for (const p of t.signature.params) byValue(p.type, out);
      return byValue(t.signature.returns, out);
    case 'pointer':
    case 'primitive':
      return;
  }
}

export function declarationOrder(types: readonly IrTypeDecl[]): IrTypeDecl[] {
  const index = new Map(types.map((t) => [t.id, t]));
  const placed = new Set<TypeId>();
  const out: IrTypeDecl[] = [];
  const place = (t: IrTypeDecl): void => {
    if (placed.has(t.id)) return;
    placed.add(t.id);
    const deps: TypeId[] = [];
    if (t.kind === 'struct' || t.kind === 'union') for (const f of t.fields) byValue(f.type, deps);
    else if (t.kind === 'alias') byValue(t.target, deps);
    for (const d of deps) {
      const decl = index.get(d);
      if (decl) place(decl);
    }
    out.push(t);
  };
  for (const t of types) place(t);
  return out;
}
