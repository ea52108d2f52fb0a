/**
 * The front end's entry: Rust source text → AST and syntax diagnostics. Never throws on any input:
 * the lexer and parser recover, and every problem becomes a diagnostic (IC10xx) with a span.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { SourceFileAst } from './ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source.js';
import { rustLexer, UnterminatedString, BlockComment, OuterBlockDoc, InnerBlockDoc } from './lexer.js';
import { getItemParser } from './parser.js';
import { convertItems, innerAttrs } from './cst-items.js';
import { docsOf } from './cst-attributes.js';
import type { ConvertContext } from './cst-util.js';

export interface ParseResult {
  readonly ast: SourceFileAst;
  readonly diagnostics: readonly Diagnostic[];
}

const closers = new Set(['`)`', '`]`', '`}`']);

export function parseFile(file: SourceFile): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const at = (start: number, end: number): Span => ({ file: file.path, start, end: Math.max(end, start + 1) });
  const lexed = rustLexer.tokenize(file.text);
  for (const e of lexed.errors) {
    const ch = file.text.slice(e.offset, e.offset + e.length);
    diagnostics.push(diagnostic('IC1003', `unknown character \`${ch.slice(0, 1)}\``, at(e.offset, e.offset + 1)));
  }
  const tokens: IToken[] = [];
  for (const t of lexed.tokens) {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(diagnostic('IC1002', 'unterminated string literal', at(t.startOffset, t.startOffset + 1), { notes: ['help: close the string with `"`'] }));
      continue;
    }
    if ((t.tokenType === OuterBlockDoc || t.tokenType === InnerBlockDoc) && !closedBlockComment(t.image)) {
      diagnostics.push(diagnostic('IC1002', 'unterminated block comment', at(t.startOffset, t.startOffset + 3)));
      continue;
    }
    tokens.push(t);
  }
  for (const t of lexed.groups['comments'] ?? []) {
    if (t.tokenType === BlockComment && !closedBlockComment(t.image)) {
      diagnostics.push(diagnostic('IC1002', 'unterminated block comment', at(t.startOffset, t.startOffset + 2)));
    }
  }
  const parser = getItemParser();
  parser.input = tokens;
  const cst = parser.file();
  const seen = new Set<number>();
  for (const e of parser.errors) {
    const d = parseErrorDiagnostic(e, file, at);
    const key = d.span?.start ?? -1;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(d);
  }
  const ctx: ConvertContext = { file: file.path, tokens, textLength: file.text.length };
  const strays: { span: Span; text: string }[] = [];
  const items = convertItems(ctx, cst.children['items']?.[0] as Parameters<typeof convertItems>[1], strays);
  for (const s of strays) {
    if (seen.has(s.span.start)) continue;
    diagnostics.push(diagnostic('IC1001', `expected an item, found \`${s.text}\``, { ...s.span, end: s.span.start + Math.max(1, s.text.length) }));
  }
  const inner = innerAttrs(ctx, cst);
  return { ast: { file: file.path, innerAttrs: inner, docs: docsOf(inner), items }, diagnostics };
}

function closedBlockComment(image: string): boolean {
  let depth = 0;
  for (let i = 0; i < image.length - 1; i++) {
    if (image[i] === '/' && image[i + 1] === '*') {
      depth++;
      i++;
    } else if (image[i] === '*' && image[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i === image.length - 1;
    }
  }
  return false;
}

function parseErrorDiagnostic(e: IRecognitionException, file: SourceFile, at: (s: number, e: number) => Span): Diagnostic {
  const t = e.token;
  const atEof = t.tokenType.name === 'EOF' || !Number.isFinite(t.startOffset);
  const start = atEof ? lastNonSpace(file.text) : t.startOffset;
  const end = atEof ? start + 1 : (t.endOffset ?? t.startOffset) + 1;
  const expectedCloser = [...closers].some((c) => e.message.startsWith(`expected ${c}`));
  if (atEof && expectedCloser) return diagnostic('IC1004', `unclosed delimiter: ${e.message}`, at(start, end));
  return diagnostic('IC1001', e.message, at(start, end));
}

function lastNonSpace(text: string): number {
  let i = text.length - 1;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  return Math.max(0, i);
}
