/**
 * A small document printer (Wadler/prettier style): build output as a tree of text, hard lines,
 * soft lines, indentation and groups, then render it at a width. A group prints flat (soft lines as
 * spaces) when it fits, otherwise broken (soft lines as newlines). No emitter glues '\n' by hand.
 *
 * Emitters print tens of thousands of declarations, so the tree is kept cheap: `join` and `lines`
 * are nodes of their own (no copied part lists), and a `Renderer` prints one document after another.
 */
import { joinTrimmed } from './lines.js';

export type Doc =
  | string
  | { readonly kind: 'concat'; readonly parts: readonly Doc[] }
  | { readonly kind: 'line'; readonly soft: boolean; readonly flat: string }
  | { readonly kind: 'indent'; readonly doc: Doc; readonly by: number }
  | { readonly kind: 'group'; readonly doc: Doc }
  /** `docs` with `separator` between them, and after the last one too when `terminated`. */
  | { readonly kind: 'join'; readonly separator: Doc; readonly docs: readonly Doc[]; readonly terminated: boolean };

export const concat = (...parts: Doc[]): Doc => ({ kind: 'concat', parts });
export const hardline: Doc = { kind: 'line', soft: false, flat: '' };
/** A newline when its group breaks, a space when it prints flat. */
export const line: Doc = { kind: 'line', soft: true, flat: ' ' };
/** A newline when its group breaks, nothing when it prints flat. */
export const softline: Doc = { kind: 'line', soft: true, flat: '' };
export const indent = (doc: Doc, by = 4): Doc => ({ kind: 'indent', doc, by });
export const group = (doc: Doc): Doc => ({ kind: 'group', doc });

export const join = (separator: Doc, docs: readonly Doc[]): Doc => ({ kind: 'join', separator, docs, terminated: false });

/** Lines, each followed by a hard line break. */
export const lines = (docs: readonly Doc[]): Doc => ({ kind: 'join', separator: hardline, docs, terminated: true });

function flatWidth(doc: Doc): number {
  if (typeof doc === 'string') return doc.length;
  switch (doc.kind) {
    case 'concat': {
      let width = 0;
      for (const d of doc.parts) width += flatWidth(d);
      return width;
    }
    case 'join': {
      const separators = doc.terminated ? doc.docs.length : Math.max(0, doc.docs.length - 1);
      let width = separators > 0 ? separators * flatWidth(doc.separator) : 0;
      for (const d of doc.docs) width += flatWidth(d);
      return width;
    }
    case 'line':
      return doc.soft ? doc.flat.length : Infinity;
    case 'indent':
    case 'group':
      return flatWidth(doc.doc);
  }
}


/**
 * Renders documents one after another into one text, as if they were concatenated: an emitter can
 * print each declaration as soon as it is built, so no tree for the whole file is ever alive at
 * once. Trailing blanks are trimmed from every line (the contract of `render`) without rewriting
 * the text in the common case: a line break only owes its indentation, written once text follows
 * on that line (so empty lines never get it), and the text is rewritten only when one pass finds a
 * blank before a newline all the same.
 */
export class Renderer {
  /** Finished output, joined a few hundred pieces at a time (so the many small pieces die young). */
  private readonly chunks: string[] = [];
  private pieces: string[] = [];
  private column = 0;
  /** Indentation owed by the last line break, not yet written. */
  private owed = 0;
  private readonly spaces: string[] = [''];

  constructor(private readonly width = 100) {}

  /** Appends `doc` at the top level (no indentation, not flat). */
  write(doc: Doc): this {
    this.walk(doc, 0, false);
    if (this.pieces.length >= 256) this.flush();
    return this;
  }

  finish(): string {
    // Blanks at the very end are not followed by a newline, so they were never trimmed.
    if (this.owed > 0) this.pieces.push(this.indentation(this.owed));
    this.flush();
    return joinTrimmed(this.chunks);
  }

  private flush(): void {
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
  }

  private text(text: string): void {
    if (text.length === 0) return;
    if (this.owed > 0) {
      this.pieces.push(this.indentation(this.owed));
      this.owed = 0;
    }
    this.pieces.push(text);
    this.column += text.length;
  }

  private walk(d: Doc, indentation: number, flat: boolean): void {
    if (typeof d === 'string') return this.text(d);
    switch (d.kind) {
      case 'concat':
        for (const p of d.parts) this.walk(p, indentation, flat);
        return;
      case 'join': {
        const docs = d.docs;
        for (let i = 0; i < docs.length; i++) {
          if (i > 0) this.walk(d.separator, indentation, flat);
          this.walk(docs[i] as Doc, indentation, flat);
        }
        if (d.terminated && docs.length > 0) this.walk(d.separator, indentation, flat);
        return;
      }
      case 'line':
        if (flat && d.soft) return this.text(d.flat);
        this.pieces.push('\n');
        this.owed = indentation;
        this.column = indentation;
        return;
      case 'indent':
        return this.walk(d.doc, indentation + d.by, flat);
      case 'group':
        return this.walk(d.doc, indentation, flat || this.column + flatWidth(d.doc) <= this.width);
    }
  }

  private indentation(n: number): string {
    return (this.spaces[n] ??= ' '.repeat(n));
  }
}

/** Renders at `width` columns; trailing spaces are trimmed from every line. */
export function render(doc: Doc, width = 100): string {
  return new Renderer(width).write(doc).finish();
}
