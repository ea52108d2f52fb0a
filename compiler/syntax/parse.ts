/**
 * The front end's entry: Rust source text → AST and syntax diagnostics. Never throws on any input:
 * the scanner and parser recover, and every problem becomes a diagnostic (IC10xx) with a span.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Attribute, Expr, Item, SourceFileAst } from './ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source.js';
import { newNames, scan, type ScanProblem } from './scanner.js';
import { getParser, type RustParser } from './parser.js';
import type { Deferred, RunParsers } from './deferred.js';
import { FastItemReader } from './grammar-fast.js';
import { docsOf } from './attributes.js';

export interface ParseResult {
  readonly ast: SourceFileAst;
  readonly diagnostics: readonly Diagnostic[];
}

const closers = ['`)`', '`]`', '`}`'];

/**
 * Tokens per chunk (see `scan`): small enough that a chunk's tokens die young, large enough that
 * pointing the parser at a new input is rare.
 */
export const chunkTokens = 2048;

/**
 * `parser`: the process's one parser (built on first need) unless a test brings another, say one
 * with another lookahead or without the fast path. `chunk`: tokens per chunk; `Infinity` parses the
 * file as one input.
 */
export function parseFile(file: SourceFile, parser?: RustParser, chunk = chunkTokens): ParseResult {
  return (chunk < Infinity ? parseInChunks(file, parser, chunk) : undefined) ?? parseWhole(file, parser ?? getParser());
}

/** The runs the deferred work of `file` needs, on `parser` (which they reuse). */
function runParsers(parser: RustParser, file: string): RunParsers {
  return {
    expression: (tokens, span) => parseExpressionRun(parser, file, tokens, span),
    callback: (tokens) => {
      if (tokens.length === 0) return undefined;
      parser.beginRun(file, [...tokens]);
      const signature = parser.callbackEntry();
      return parser.errors.length > 0 ? undefined : signature;
    },
  };
}

const reader = new FastItemReader();

/**
 * The file one chunk of items at a time. Chunks end only where an item ends at the top level, so
 * a file that parses cleanly gives the same AST as parsed whole. Any problem (a scan problem, a
 * parse error, a stray token) gives up: the file is then parsed whole, so that error recovery and
 * diagnostics never depend on where a chunk ended.
 *
 * Each chunk's items go to the fast path first (grammar-fast.ts); the grammar takes over from the
 * first item the fast path leaves to it. So the Chevrotain parser is only built for a file that
 * needs it.
 */
function parseInChunks(file: SourceFile, given: RustParser | undefined, chunk: number): ParseResult | undefined {
  const text = file.text;
  const items: Item[] = [];
  let innerAttrs: readonly Attribute[] = [];
  const fast = given?.fastItems ?? true;
  const grammar = (): RustParser => given ?? getParser();
  const names = newNames();
  for (let from = 0, first = true; first || from < text.length; first = false) {
    const scanned = scan(text, from, chunk, names);
    if (scanned.problems.length > 0) return undefined;
    const { tokens, closers } = scanned;
    const deferred: Deferred[] = [];
    let at = 0;
    let innerRead = !first;
    if (fast) {
      reader.begin(file.path, tokens, closers, deferred);
      const inner = first ? reader.readInnerAttrs(0) : undefined;
      if (inner) {
        innerAttrs = inner.node;
        at = inner.end;
        innerRead = true;
      }
      for (let read = innerRead ? reader.readItem(at) : undefined; read; read = reader.readItem(at)) {
        items.push(read.node);
        at = read.end;
      }
    }
    if (at < tokens.length || !innerRead) {
      const parser = grammar();
      parser.beginFile(file.path, text.length, tokens, closers);
      parser.strays = [];
      parser.startAt(at);
      // The first chunk holds the inner attributes, unless the fast path read them.
      const parsed = innerRead ? { innerAttrs, items: parser.items() } : parser.file();
      if (parser.errors.length > 0 || parser.strays.length > 0 || !parser.atEnd()) return undefined;
      innerAttrs = parsed.innerAttrs;
      for (const item of parsed.items) items.push(item);
      for (const task of parser.deferred) deferred.push(task);
    }
    if (deferred.length > 0) {
      const parsers = runParsers(grammar(), file.path);
      for (const task of deferred) task(parsers);
    }
    from = scanned.end;
  }
  return { ast: { file: file.path, innerAttrs, docs: docsOf(innerAttrs), items }, diagnostics: [] };
}

function parseWhole(file: SourceFile, parser: RustParser): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number): Span => ({ file: file.path, start, end: Math.max(end, start + 1) });
  const scanned = scan(file.text);
  for (const p of scanned.problems) diagnostics.push(scanDiagnostic(p, at));
  parser.beginFile(file.path, file.text.length, scanned.tokens, scanned.closers);
  parser.strays = [];
  const parsed = parser.file();
  const errors = parser.errors;
  const strays = parser.strays;
  // Expression runs wait until the file's parse is over: they reuse the same parser.
  const parsers = runParsers(parser, file.path);
  for (const task of parser.deferred) task(parsers);

  const seen = new Set<number>();
  for (const e of errors) {
    const d = parseErrorDiagnostic(e, file, at);
    const key = d.span?.start ?? -1;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(d);
  }
  for (const s of strays) {
    if (seen.has(s.span.start)) continue;
    diagnostics.push(diagnostic('IC1001', `expected an item, found \`${s.text}\``, { ...s.span, end: s.span.start + Math.max(1, s.text.length) }));
  }
  const innerAttrs = parsed?.innerAttrs ?? [];
  return { ast: { file: file.path, innerAttrs, docs: docsOf(innerAttrs), items: parsed?.items ?? [] }, diagnostics };
}

/** Parses a token run as an expression; `unparsed` when it is outside the expression grammar. */
function parseExpressionRun(parser: RustParser, file: string, run: readonly IToken[], span: Span): Expr {
  if (run.length === 0) return { kind: 'unparsed', span };
  parser.beginRun(file, [...run]);
  const e = parser.exprEntry();
  return parser.errors.length > 0 || !e ? { kind: 'unparsed', span } : e;
}

function scanDiagnostic(p: ScanProblem, at: (s: number, e: number) => Span): Diagnostic {
  switch (p.kind) {
    case 'unknownCharacter':
      return diagnostic('IC1003', `unknown character \`${p.text.slice(0, 1)}\``, at(p.start, p.start + 1));
    case 'unterminatedString':
      return diagnostic('IC1002', 'unterminated string literal', at(p.start, p.start + 1), { notes: ['help: close the string with `"`'] });
    case 'unterminatedBlockComment':
      return diagnostic('IC1002', 'unterminated block comment', at(p.start, p.start + (p.doc ? 3 : 2)));
  }
}

function parseErrorDiagnostic(e: IRecognitionException, file: SourceFile, at: (s: number, e: number) => Span): Diagnostic {
  const t = e.token;
  const atEof = t.tokenType.name === 'EOF' || !Number.isFinite(t.startOffset);
  const start = atEof ? lastNonSpace(file.text) : t.startOffset;
  const end = atEof ? start + 1 : (t.endOffset ?? t.startOffset) + 1;
  const expectedCloser = closers.some((c) => e.message.startsWith(`expected ${c}`));
  if (atEof && expectedCloser) return diagnostic('IC1004', `unclosed delimiter: ${e.message}`, at(start, end));
  return diagnostic('IC1001', e.message, at(start, end));
}

function lastNonSpace(text: string): number {
  let i = text.length - 1;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  return Math.max(0, i);
}
