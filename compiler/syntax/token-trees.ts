/**
 * Token trees: the verbatim form of code interopc does not interpret (macro calls, attribute
 * arguments). Rebuilt from a flat token slice; an unclosed group keeps what it has.
 */
import type { IToken } from 'chevrotain';
import type { Token, TokenTree } from './ast.js';
import { spanOfToken } from './token-exprs.js';
import * as T from './token-types.js';

function tokenKind(t: IToken): Token['tokenKind'] {
  const type = t.tokenType;
  if (type === T.Lifetime) return 'lifetime';
  if (T.isWordType(type)) return 'ident';
  if (type === T.IntLit || type === T.FloatLit || type === T.StringLit || type === T.RawStringLit || type === T.CharLit) return 'literal';
  return 'punct';
}

const delimiterOf = new Map<unknown, '(' | '[' | '{'>([
  [T.LParen, '('],
  [T.LBracket, '['],
  [T.LBrace, '{'],
]);

export function toTokenTrees(file: string, list: readonly IToken[]): TokenTree[] {
  const root: TokenTree[] = [];
  const stack: { trees: TokenTree[]; delimiter: '(' | '[' | '{'; open: IToken }[] = [];
  const current = (): TokenTree[] => stack[stack.length - 1]?.trees ?? root;
  for (const t of list) {
    const delimiter = delimiterOf.get(t.tokenType);
    if (delimiter) {
      stack.push({ trees: [], delimiter, open: t });
      continue;
    }
    const group = T.isCloser(t.tokenType) ? stack.pop() : undefined;
    if (group) {
      const span = { file, start: group.open.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
      current().push({ kind: 'group', delimiter: group.delimiter, trees: group.trees, span });
      continue;
    }
    current().push({ kind: 'token', token: { text: t.image, tokenKind: tokenKind(t), span: spanOfToken(t, file) } });
  }
  while (stack.length > 0) {
    const group = stack.pop();
    if (group) current().push({ kind: 'group', delimiter: group.delimiter, trees: group.trees, span: spanOfToken(group.open, file) });
  }
  return root;
}
