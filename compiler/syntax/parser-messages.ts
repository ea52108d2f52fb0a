/**
 * Human error messages for the Chevrotain parser: "expected `;`, found `struct`", never the long
 * default lists of alternatives.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { tokenLabel } from './chevrotain.js';

/** Readable descriptions for rules the parser reports in "expected …" messages. */
const ruleDescriptions: Record<string, string> = {
  item: 'an item',
  type: 'a type',
  fnParam: 'a parameter',
  genericArg: 'a generic argument',
  genericParam: 'a generic parameter',
  useTree: 'a path in `use`',
  qualifiedItem: '`fn`, `impl`, `trait` or a constant',
  tokenTree: 'a token',
  expr: 'an expression',
  primaryExpr: 'an expression',
  pathIdent: 'an identifier',
  runUntilSemi: 'an expression',
  runUntilComma: 'an expression',
  runUntilBracket: 'an expression',
  pattern: 'a parameter name',
};

function found(token: IToken): string {
  return token.tokenType.name === 'EOF' ? 'end of file' : `\`${token.image.length > 30 ? token.image.slice(0, 30) + '…' : token.image}\``;
}

function describeTokens(types: readonly TokenType[]): string {
  const labels = [...new Set(types.map((t) => (t.name === 'EOF' ? 'end of file' : tokenLabel(t))))];
  if (labels.length <= 4) return labels.join(labels.length === 2 ? ' or ' : ', ');
  return labels.slice(0, 4).join(', ') + ', …';
}

export const rustErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${tokenLabel(expected)}, found ${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected an item, found ${found(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const described = ruleDescriptions[ruleName];
    if (described) return `expected ${described}, found ${found(actual[0] as IToken)}`;
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((p) => p[0])).filter((t): t is TokenType => t !== undefined);
    return `expected ${describeTokens(firsts)}, found ${found(actual[0] as IToken)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const described = ruleDescriptions[ruleName];
    if (described) return `expected ${described}, found ${found(actual[0] as IToken)}`;
    const firsts = expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => t !== undefined);
    return `expected ${describeTokens(firsts)}, found ${found(actual[0] as IToken)}`;
  },
};
