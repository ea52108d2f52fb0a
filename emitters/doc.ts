/**
 * A small document printer (Wadler/prettier style): build output as a tree of text, hard lines,
 * soft lines, indentation and groups, then render it at a width. A group prints flat (soft lines as
 * spaces) when it fits, otherwise broken (soft lines as newlines). No emitter glues '\n' by hand.
 */
export type Doc =
  | string
  | { readonly kind: 'concat'; readonly parts: readonly Doc[] }
  | { readonly kind: 'line'; readonly soft: boolean; readonly flat: string }
  | { readonly kind: 'indent'; readonly doc: Doc; readonly by: number }
  | { readonly kind: 'group'; readonly doc: Doc };

export const concat = (...parts: Doc[]): Doc => ({ kind: 'concat', parts });
export const hardline: Doc = { kind: 'line', soft: false, flat: '' };
/** A newline when its group breaks, a space when it prints flat. */
export const line: Doc = { kind: 'line', soft: true, flat: ' ' };
/** A newline when its group breaks, nothing when it prints flat. */
export const softline: Doc = { kind: 'line', soft: true, flat: '' };
export const indent = (doc: Doc, by = 4): Doc => ({ kind: 'indent', doc, by });
export const group = (doc: Doc): Doc => ({ kind: 'group', doc });

export function join(separator: Doc, docs: readonly Doc[]): Doc {
  const parts: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) parts.push(separator);
    parts.push(d);
  });
  return concat(...parts);
}

/** Lines, each followed by a hard line break. */
export const lines = (docs: readonly Doc[]): Doc => concat(...docs.flatMap((d) => [d, hardline]));

function flatWidth(doc: Doc): number {
  if (typeof doc === 'string') return doc.length;
  switch (doc.kind) {
    case 'concat':
      return doc.parts.reduce((n, d) => n + flatWidth(d), 0);
    case 'line':
      return doc.soft ? doc.flat.length : Infinity;
    case 'indent':
    case 'group':
      return flatWidth(doc.doc);
  }
}

/** Renders at `width` columns; trailing spaces are trimmed from every line. */
export function render(doc: Doc, width = 100): string {
  const out: string[] = [];
  let column = 0;
  const walk = (d: Doc, indentation: number, flat: boolean): void => {
    if (typeof d === 'string') {
      out.push(d);
      column += d.length;
      return;
    }
    switch (d.kind) {
      case 'concat':
        for (const p of d.parts) walk(p, indentation, flat);
        return;
      case 'line':
        if (flat && d.soft) {
          out.push(d.flat);
          column += d.flat.length;
        } else {
          out.push('\n' + ' '.repeat(indentation));
          column = indentation;
        }
        return;
      case 'indent':
        return walk(d.doc, indentation + d.by, flat);
      case 'group':
        return walk(d.doc, indentation, flat || column + flatWidth(d.doc) <= width);
    }
  };
  walk(doc, 0, false);
  return out.join('').replace(/[ \t]+\n/g, '\n');
}
