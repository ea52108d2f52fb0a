/**
 * Pass `order-declarations`: puts type declarations in dependency order (each after every type it
 * contains by value; pointer-only references may point forward and are forward-declared by
 * emitters), ties broken by source position, and sorts functions and constants by source position.
 * Deterministic and idempotent.
 */
import { right } from 'fp-ts/lib/Either.js';
import { byValueDependencies, typeRefsOfDecl, type IrModule, type IrTypeDecl } from '../compiler/ir.js';
import type { Pass } from '../compiler/pass.js';
import type { Span } from '../compiler/source.js';

const bySource = (a: { span: Span; id?: string; name: string }, b: { span: Span; id?: string; name: string }): number =>
  a.span.file.localeCompare(b.span.file) || a.span.start - b.span.start || (a.id ?? a.name).localeCompare(b.id ?? b.name);

export function dependencyOrder(types: readonly IrTypeDecl[]): IrTypeDecl[] {
  const sorted = [...types].sort((a, b) => bySource({ ...a }, { ...b }));
  const index = new Map(sorted.map((t) => [t.id, t]));
  const placed = new Set<string>();
  const out: IrTypeDecl[] = [];
  const place = (t: IrTypeDecl, stack: Set<string>) => {
    if (placed.has(t.id) || stack.has(t.id)) return;
    stack.add(t.id);
    for (const ref of typeRefsOfDecl(t)) {
      for (const dep of byValueDependencies(ref)) {
        const d = index.get(dep);
        if (d) place(d, stack);
      }
    }
    stack.delete(t.id);
    placed.add(t.id);
    out.push(t);
  };
  for (const t of sorted) place(t, new Set());
  return out;
}

export const orderDeclarations: Pass<IrModule, IrModule> = {
  name: 'order-declarations',
  run: (ir) =>
    right({
      ...ir,
      types: dependencyOrder(ir.types),
      functions: [...ir.functions].sort(bySource),
      constants: [...ir.constants].sort(bySource),
    }),
};
