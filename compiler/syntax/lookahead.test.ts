import test from 'ava';
import type { TokenType } from 'chevrotain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LLkLookaheadStrategy } from './chevrotain.js';
import { parseFile } from './parse.js';
import { scan } from './scanner.js';
import { compareGolden } from '../../test/support/golden.js';
import { repoRoot } from '../../runtime-tests/support/paths.js';
import { PrecomputedLookahead, renderLookaheadCache } from './lookahead.js';
import { getParser, RustParser } from './parser.js';
import * as T from './token-types.js';

/** Every `.rs` file below `dir` (target folders left out). */
function rustFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.rs') && !(e.parentPath ?? e.path).includes('/target'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

test('the stored lookahead paths are those of the grammar (UPDATE_GOLDEN=1 rewrites them)', (t) => {
  const fresh = new PrecomputedLookahead(T.allTokens as TokenType[], undefined, true);
  new RustParser(fresh);
  t.true(Object.keys(fresh.used).length > 50);
  compareGolden(t, join(repoRoot, 'compiler/syntax/lookahead-paths.ts'), renderLookaheadCache(fresh));
});

test('the parser uses the stored paths, and parses every fixture as Chevrotain\'s own lookahead does', (t) => {
  t.true(getParser().lookahead.cacheUsed, 'lookahead-paths.ts is stale: run the lookahead test with UPDATE_GOLDEN=1');
  // Every path set comes from the cache, those ending at EOF included (each miss costs start-up time).
  t.is(getParser().lookahead.computed, 0);
  const chevrotains = new RustParser(new LLkLookaheadStrategy({ maxLookahead: 2 }) as unknown as PrecomputedLookahead);
  const files = rustFiles(join(repoRoot, 'fixtures')).concat(rustFiles(join(repoRoot, 'crates')));
  t.true(files.length > 40);
  for (const path of files) {
    const file = { path, absolutePath: path, text: readFileSync(path, 'utf8') };
    t.deepEqual(parseFile(file), parseFile(file, chevrotains), path);
  }
});

test('every fixture parses to the same AST and diagnostics in chunks as whole', (t) => {
  const files = rustFiles(join(repoRoot, 'fixtures')).concat(rustFiles(join(repoRoot, 'crates')));
  let chunked = 0;
  for (const path of files) {
    const file = { path, absolutePath: path, text: readFileSync(path, 'utf8') };
    // Chunks of a few tokens end after nearly every item; files with errors fall back to whole.
    t.deepEqual(parseFile(file, getParser(), 4), parseFile(file, getParser(), Infinity), path);
    if (scan(file.text, 0, 4).end < file.text.length) chunked++;
  }
  t.true(chunked > 30);
});

test('a cache made from another grammar is not used', (t) => {
  const other = new RustParser(new PrecomputedLookahead(T.allTokens as TokenType[], { grammar: '00000000', paths: { 'file Alternation 0 2': [[['Fn']]] } }));
  t.false(other.lookahead.cacheUsed);
});
