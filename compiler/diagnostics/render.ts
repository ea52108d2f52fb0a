/**
 * Renders diagnostics as text: `plain` for logs and golden files (stable, no colour), `pretty` for
 * terminals (colour). Both show `file:line:col`, the source line and a caret under the span.
 */
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';
import { lineColumnOf, lineText, type SourceMap, type Span } from '../source.js';

export interface RenderOptions {
  readonly color: boolean;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** The line number's width: one for the whole diagnostic, so its frames line up. */
function gutterOf(spans: readonly Span[], sources: SourceMap): number {
  let width = 1;
  for (const span of spans) {
    const file = sources.get(span.file);
    if (file) width = Math.max(width, String(lineColumnOf(file, span.start).line).length);
  }
  return width;
}

function frame(span: Span, sources: SourceMap, marker: '^' | '-', message: string, color: boolean, gutter: number): string[] {
  const file = sources.get(span.file);
  if (!file) return [`  --> ${span.file}`];
  const start = lineColumnOf(file, span.start);
  const end = lineColumnOf(file, Math.max(span.start, span.end - 1));
  const text = lineText(file, start.line).replace(/\t/g, ' ');
  const pad = ' '.repeat(gutter);
  const width = end.line === start.line ? Math.max(1, end.column - start.column + 1) : Math.max(1, text.length - start.column + 1);
  const underline = ' '.repeat(start.column - 1) + paint(color, marker === '^' ? '1;31' : '1;34', marker.repeat(width) + (message ? ` ${message}` : ''));
  return [`${pad}--> ${span.file}:${start.line}:${start.column}`, `${pad} |`, `${String(start.line).padEnd(gutter)} | ${text}`, `${pad} | ${underline}`];
}

export function renderDiagnostic(d: Diagnostic, sources: SourceMap, options: RenderOptions): string {
  const color = options.color;
  const severity = paint(color, d.severity === 'error' ? '1;31' : '1;33', `${d.severity}[${d.code}]`);
  const out = [`${severity}: ${paint(color, '1', d.message)}`];
  const gutter = gutterOf([...(d.span ? [d.span] : []), ...(d.labels ?? []).map((l) => l.span)], sources);
  if (d.span) out.push(...frame(d.span, sources, '^', '', color, gutter));
  for (const label of d.labels ?? []) out.push(...frame(label.span, sources, '-', label.message, color, gutter));
  for (const note of d.notes ?? []) {
    const [kind, ...rest] = note.split(': ');
    out.push(kind === 'help' || kind === 'note' ? `   = ${kind}: ${rest.join(': ')}` : `   = note: ${note}`);
  }
  return out.join('\n');
}

export function renderDiagnostics(list: readonly Diagnostic[], sources: SourceMap, options: RenderOptions): string {
  return sortDiagnostics(list)
    .map((d) => renderDiagnostic(d, sources, options))
    .join('\n\n');
}
