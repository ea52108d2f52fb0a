import test from 'ava';
import type { TokenType } from 'chevrotain';
import { join } from 'node:path';
import { compareGolden } from '../../test/support/golden.js';
import { repoRoot } from '../../runtime-tests/support/paths.js';
import { PrecomputedLookahead, renderLookaheadCache } from './lookahead.js';
import { getParser, RustParser } from './parser.js';
import * as T from './token-types.js';

test('the stored lookahead paths are those of the grammar (UPDATE_GOLDEN=1 rewrites them)', (t) => {
  const fresh = new PrecomputedLookahead(T.allTokens as TokenType[], undefined, true);
  new RustParser(fresh);
  t.true(Object.keys(fresh.used).length > 50);
  compareGolden(t, join(repoRoot, 'compiler/syntax/lookahead-paths.ts'), renderLookaheadCache(fresh));
});

test('the parser uses the stored paths, and parses as with computed ones', (t) => {
  t.true(getParser().lookahead.cacheUsed, 'lookahead-paths.ts is stale: run the lookahead test with UPDATE_GOLDEN=1');
  const computed = new RustParser(new PrecomputedLookahead(T.allTokens as TokenType[], undefined));
  t.false(computed.lookahead.cacheUsed);
  t.is(computed.lookahead.grammar, getParser().lookahead.grammar);
});

test('a cache made from another grammar is not used', (t) => {
  const other = new RustParser(new PrecomputedLookahead(T.allTokens as TokenType[], { grammar: '00000000', paths: { 'file Alternation 0 2': [[['Fn']]] } }));
  t.false(other.lookahead.cacheUsed);
});
