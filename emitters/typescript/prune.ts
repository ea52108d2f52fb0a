/**
 * Drops the module's scaffolding that this crate does not use: a helper no function needs, the
 * type scope of a crate without types, the library of a crate without functions. Hand-written
 * code would not carry them, and `tsc --noUnusedLocals` rejects a module that does.
 *
 * Only statements the emitter marks as scaffolding may go; everything else (exported types, koffi
 * declarations that other declarations name by string) always stays.
 */
import { t } from './ast.js';

/** The name a top-level statement declares, when it declares exactly one. */
function declaredName(statement: t.Statement): string | undefined {
  if (t.isFunctionDeclaration(statement) || t.isClassDeclaration(statement)) return statement.id?.name;
  if (t.isVariableDeclaration(statement) && statement.declarations.length === 1) {
    const target = statement.declarations[0]?.id;
    return t.isIdentifier(target) ? target.name : undefined;
  }
  return undefined;
}

/** How often each identifier name occurs in `statement`. */
function countNames(statement: t.Statement, into: Map<string, number>): void {
  t.traverseFast(statement, (node) => {
    if (t.isIdentifier(node)) into.set(node.name, (into.get(node.name) ?? 0) + 1);
  });
}

/**
 * `body` without the scaffolding statements nothing else refers to, to a fixed point (a helper
 * used only by a dropped helper goes too). A name shadowed somewhere keeps its declaration:
 * keeping too much is harmless.
 */
export function pruneUnused(body: readonly t.Statement[], scaffolding: ReadonlySet<t.Statement>): t.Statement[] {
  let kept = [...body];
  for (;;) {
    const counts = new Map<string, number>();
    for (const statement of kept) countNames(statement, counts);
    const unused = kept.filter((statement) => {
      if (!scaffolding.has(statement)) return false;
      const name = declaredName(statement);
      if (name === undefined) return false;
      // Its own declaration names it once; any other occurrence is a use.
      const own = new Map<string, number>();
      countNames(statement, own);
      return (counts.get(name) ?? 0) === (own.get(name) ?? 0);
    });
    if (unused.length === 0) return withoutUnusedImports(kept, scaffolding, counts);
    kept = kept.filter((statement) => !unused.includes(statement));
  }
}

/** Scaffolding imports without the names nothing uses any more (`node:fs` once the library lookup went). */
function withoutUnusedImports(body: t.Statement[], scaffolding: ReadonlySet<t.Statement>, counts: ReadonlyMap<string, number>): t.Statement[] {
  return body.flatMap((statement) => {
    if (!scaffolding.has(statement) || !t.isImportDeclaration(statement)) return [statement];
    const used = statement.specifiers.filter((s) => (counts.get(s.local.name) ?? 0) > 1);
    if (used.length === statement.specifiers.length) return [statement];
    return used.length === 0 ? [] : [{ ...statement, specifiers: used }];
  });
}
