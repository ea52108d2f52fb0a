/**
 * A line printer for output that never reflows: every break is a hard line break, and nesting is
 * only indentation. The C header is such output, and it is the largest file interopc writes (5 MB
 * for a 90 000-line crate): building a `Doc` tree for each of its declarations and walking it again
 * cost more than the declarations' own text (docs/benchmarks.md, twelfth session). Emitters that
 * need groups and soft breaks use `doc.ts`.
 *
 * Same contract as `doc.ts`'s `render`: a line holds its indentation only when text follows, and
 * trailing blanks are trimmed from every line.
 */
/**
 * The chunks of a printed text joined, without blanks at the end of any line. A blank before a
 * newline can only come from text an emitter was given (a doc line ending in spaces): one pass
 * finds none in the common case, and only then is the text rewritten. Shared with `doc.ts`.
 */
export function joinTrimmed(chunks: readonly string[]): string {
  const out = chunks.join('');
  return /[ \t]\n/.test(out) ? out.replace(/[ \t]+\n/g, '\n') : out;
}

export class LineWriter {
  /** Finished output, joined a few hundred pieces at a time (so the many small pieces die young). */
  private readonly chunks: string[] = [];
  private pieces: string[] = [];
  private depth = 0;
  private readonly spaces: string[] = [''];

  /** `text` on a line of its own, at the current indentation. */
  line(text: string): void {
    if (this.depth > 0 && text !== '') this.pieces.push((this.spaces[this.depth] ??= ' '.repeat(this.depth)));
    this.pieces.push(text, '\n');
    if (this.pieces.length >= 512) this.flush();
  }

  lines(texts: readonly string[]): void {
    for (const text of texts) this.line(text);
  }

  /** Whatever `body` writes, indented `by` more columns. */
  indented(body: () => void, by = 4): void {
    this.depth += by;
    body();
    this.depth -= by;
  }

  finish(): string {
    this.flush();
    return joinTrimmed(this.chunks);
  }

  private flush(): void {
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
  }
}
