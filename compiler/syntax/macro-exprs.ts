/**
 * The value of a macro call in an expression (`name!(…)`), shared by the expression grammar
 * (grammar-exprs.ts) and the fast reader (fast-exprs.ts): `cfg!(…)`, `env!("NAME")`, and
 * `concat!(…)` of literals, `env!`s and `concat!`s. Any other macro is an expression interopc cannot
 * evaluate, `unparsed`.
 */
import type { IToken } from 'chevrotain';
import { singleSegmentPath, type Expr, type Path } from './ast.js';
import type { Span } from '../source.js';
import { cfgPredicate, splitTopLevel } from './attributes.js';
import { literalExpr } from './token-exprs.js';
import * as T from './token-types.js';

/** `path!(tokens)` written in `file`; `tokens` are those inside the group. */
export function macroExpr(file: string, path: Path, tokens: readonly IToken[], span: Span): Expr {
  const name = path.segments.map((s) => s.name).join('::').replace(/^(std|core)::/, '');
  if (name === 'cfg') {
    const predicate = tokens.length > 0 ? cfgPredicate(file, tokens, span) : undefined;
    return predicate ? { kind: 'cfg', predicate, span } : { kind: 'unparsed', span };
  }
  const parts = splitTopLevel(tokens);
  if (name === 'env') {
    // `env!("NAME")` or `env!("NAME", "error message")`.
    const variable = parts.length <= 2 && parts[0]?.length === 1 ? literalExpr(parts[0][0] as IToken, span) : undefined;
    return variable?.kind === 'str' ? { kind: 'env', name: variable.value, span } : { kind: 'unparsed', span };
  }
  if (name === 'concat') {
    const exprs: Expr[] = [];
    for (const part of parts) {
      const only = part.length === 1 ? literalExpr(part[0] as IToken, span) : undefined;
      // A nested `env!(…)` or `concat!(…)`: a name, `!`, and its group.
      const nested = !only && part.length >= 4 && (part[1] as IToken).tokenType === T.Bang ? macroExpr(file, singleSegmentPath((part[0] as IToken).image, span), part.slice(3, -1), span) : undefined;
      const expr = only ?? nested;
      if (!expr || expr.kind === 'unparsed') return { kind: 'unparsed', span };
      exprs.push(expr);
    }
    return { kind: 'concat', parts: exprs, span };
  }
  return { kind: 'unparsed', span };
}
