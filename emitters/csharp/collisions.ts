/**
 * Names that collide only after C# casing (`foo_bar` and `fooBar` are both `FooBar`): an error
 * (IC4006) naming both items, never a silently renamed member (contracts.md §4). Names the file
 * itself uses (`Raw`, `ApiHash`, …) are escaped instead, like keywords.
 */
import { diagnostic, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { IrFunction, IrModule } from '../../compiler/ir.js';
import { pascal } from './names.js';

interface Named {
  readonly what: string;
  readonly name: string;
  readonly span: IrFunction['span'];
}

function collisions(items: readonly Named[], scope: string): Diagnostic[] {
  const seen = new Map<string, Named>();
  const out: Diagnostic[] = [];
  for (const item of items) {
    const cased = pascal(item.name);
    const first = seen.get(cased);
    if (!first) {
      seen.set(cased, item);
      continue;
    }
    out.push(
      diagnostic('IC4006', `${item.what} \`${item.name}\` and ${first.what} \`${first.name}\` are both \`${cased}\` in ${scope} of the C# file`, item.span, {
        labels: [{ span: first.span, message: `\`${first.name}\` is here` }],
        notes: ['help: rename one of them in Rust (or with `export_name` for a function)'],
      }),
    );
  }
  return out;
}

/** IC4006 for every casing collision among the members the C# file declares. */
export function csharpCollisions(ir: IrModule, functions: readonly IrFunction[]): Diagnostic[] {
  const shims = new Set(ir.services.flatMap((s) => [s.destructor, ...s.constructors.map((c) => c.function), ...s.methods.map((m) => m.function)]));
  const out: Diagnostic[] = [];
  // Constants and free functions share the `Interop` class.
  const members: Named[] = [
    ...ir.constants.map((c) => ({ what: 'constant', name: c.name, span: c.span })),
    ...functions.filter((f) => !shims.has(f.name)).map((f) => ({ what: 'function', name: f.name, span: f.span })),
  ];
  out.push(...collisions(members, 'the functions and constants'));
  for (const t of ir.types) {
    if (t.kind === 'struct' || t.kind === 'union') out.push(...collisions(t.fields.map((f) => ({ what: 'field', name: f.name, span: t.nameSpan })), `\`${t.name}\``));
  }
  for (const s of ir.services) {
    const named = [...s.constructors, ...s.methods].map((m) => ({ what: 'method', name: m.name, span: s.span }));
    out.push(...collisions(named, `service \`${s.name}\``));
  }
  return out;
}
