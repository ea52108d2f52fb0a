/**
 * Source files and spans. A span is a pair of UTF-16 offsets into one file; line and column are
 * computed only when a diagnostic is rendered, so spans stay cheap to create and compare.
 */

/** A half-open range `[start, end)` of offsets into the file named by `file` (crate-relative path). */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export const span = (file: string, start: number, end: number): Span => ({ file, start, end });

/**
 * Strings in UTF-16 code unit order: what every sorted output (declarations, diagnostics, the
 * report) uses. Not `localeCompare`, whose order follows the machine's locale (so the same crate
 * could give different output on two machines) and which costs a collation per comparison.
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Smallest span covering both. Both must be in the same file; otherwise `a` is returned. */
export const joinSpans = (a: Span, b: Span): Span =>
  a.file === b.file ? { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : a;

/** One loaded file: its crate-relative path (as used in spans), absolute path and text. */
export interface SourceFile {
  readonly path: string;
  readonly absolutePath: string;
  readonly text: string;
}

export interface LineColumn {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units like editors do for ASCII source. */
  readonly column: number;
}

const lineStartsCache = new WeakMap<SourceFile, readonly number[]>();

function lineStarts(file: SourceFile): readonly number[] {
  const cached = lineStartsCache.get(file);
  if (cached) return cached;
  const starts = [0];
  for (let i = 0; i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) starts.push(i + 1);
  lineStartsCache.set(file, starts);
  return starts;
}

export function lineColumnOf(file: SourceFile, offset: number): LineColumn {
  const starts = lineStarts(file);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** The text of 1-based line `line`, without its newline. */
export function lineText(file: SourceFile, line: number): string {
  const starts = lineStarts(file);
  const start = starts[line - 1] ?? file.text.length;
  const next = starts[line];
  const end = next === undefined ? file.text.length : next - 1;
  return file.text.slice(start, end).replace(/\r$/, '');
}

/** All files of one compilation, looked up by the crate-relative path used in spans. */
export class SourceMap {
  private readonly files = new Map<string, SourceFile>();
  add(file: SourceFile): void {
    this.files.set(file.path, file);
  }
  get(path: string): SourceFile | undefined {
    return this.files.get(path);
  }
  all(): readonly SourceFile[] {
    return [...this.files.values()];
  }
}
