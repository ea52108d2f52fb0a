/**
 * The front end's entry: Rust source text → AST and syntax diagnostics. Never throws on any input:
 * the scanner and parser recover, and every problem becomes a diagnostic (IC10xx) with a span.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Expr, SourceFileAst } from './ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source.js';
import { scan, type ScanProblem } from './scanner.js';
import { getParser, type RustParser } from './parser.js';
import type { RunParsers } from './parser-base.js';
import { docsOf } from './attributes.js';

export interface ParseResult {
  readonly ast: SourceFileAst;
  readonly diagnostics: readonly Diagnostic[];
}

const closers = ['`)`', '`]`', '`}`'];

/** `parser`: the process's one parser unless a test brings another (another lookahead, say). */
export function parseFile(file: SourceFile, parser: RustParser = getParser()): ParseResult {
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
  const deferred = parser.deferred;
  const parsers: RunParsers = {
    expression: (tokens, span) => parseExpressionRun(parser, tokens, span),
    callback: (tokens) => {
      if (tokens.length === 0) return undefined;
      parser.beginRun([...tokens]);
      const signature = parser.callbackEntry();
      return parser.errors.length > 0 ? undefined : signature;
    },
  };
  for (const task of deferred) task(parsers);

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
function parseExpressionRun(parser: RustParser, run: readonly IToken[], span: Span): Expr {
  if (run.length === 0) return { kind: 'unparsed', span };
  parser.beginRun([...run]);
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
