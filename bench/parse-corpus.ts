/**
 * `npm run parse-corpus [dir]`: parses every `.rs` file below `dir` (default: cargo's registry
 * sources, ~/.cargo/registry/src) and reports what a front end should never do on valid Rust:
 * a diagnostic, a chunked parse that differs from the whole-file one, or a parse with the fast path
 * (grammar-fast.ts) that differs from the grammar's alone. Also prints the speed.
 * Not a test: what the registry holds depends on the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseFile } from '../compiler/syntax/parse.js';
import { getParser, RustParser } from '../compiler/syntax/parser.js';
import { lineColumnOf } from '../compiler/source.js';

const root = process.argv[2] ?? join(homedir(), '.cargo/registry/src');
const files = readdirSync(root, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.rs'))
  .map((e) => join(e.parentPath ?? e.path, e.name));
const parser = getParser();
const grammarOnly = new RustParser(undefined, false);
/** The parse as JSON, so that key order counts too. */
const json = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
let lines = 0;
let problems = 0;
let parseMs = 0;
for (const path of files) {
  const file = { path, absolutePath: path, text: readFileSync(path, 'utf8') };
  lines += file.text.split('\n').length;
  const start = performance.now();
  const chunked = parseFile(file, parser);
  parseMs += performance.now() - start;
  for (const d of chunked.diagnostics.slice(0, 3)) {
    const at = d.span ? lineColumnOf(file, d.span.start) : { line: 0, column: 0 };
    console.log(`${path}:${at.line}:${at.column}: ${d.code} ${d.message}`);
  }
  // Chunks of a few tokens end after nearly every item: the hardest test of where chunks end.
  const same = isDeepStrictEqual(parseFile(file, parser, 64), parseFile(file, parser, Infinity));
  if (!same) console.log(`${path}: chunked and whole parses differ`);
  const sameAsGrammar = json(chunked) === json(parseFile(file, grammarOnly));
  if (!sameAsGrammar) console.log(`${path}: the fast path and the grammar parse differently`);
  if (chunked.diagnostics.length > 0 || !same || !sameAsGrammar) problems++;
}
console.log(`${files.length} files, ${lines} lines: ${problems} with a problem; parsed at ${Math.round(lines / (parseMs / 1000))} lines/s (${Math.round(parseMs)} ms)`);
process.exitCode = problems > 0 ? 1 : 0;
