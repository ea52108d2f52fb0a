/** The few shapes C# text takes, on top of the document printer: braced blocks and member lists. */
import { concat, hardline, indent, join, type Doc } from '../doc.js';

/** `header` then `{ body }`, one body item per line (an item may span several lines). */
export function block(header: Doc, body: readonly Doc[]): Doc {
  if (body.length === 0) return concat(header, hardline, '{', hardline, '}');
  return concat(header, hardline, '{', indent(concat(hardline, join(hardline, body))), hardline, '}');
}

/** Members separated by one blank line. */
export function members(items: readonly Doc[]): Doc[] {
  return items.length === 0 ? [] : [join(concat(hardline, hardline), items)];
}

/** Lines of a doc comment (or attributes) followed by the declaration. */
export function withLeading(leading: readonly string[], body: Doc): Doc {
  return leading.length === 0 ? body : concat(join(hardline, leading), hardline, body);
}
