/**
 * A module's top-level statements, separated as PEP 8 asks: two blank lines around a class or
 * function definition, one between other statements.
 */
export class TopLevel {
  readonly lines: string[] = [];
  private afterDefinition = false;

  /** A `class` or `def` with its body. */
  definition(...lines: string[]): void {
    this.lines.push('', '', ...lines);
    this.afterDefinition = true;
  }

  /** Any other statement, with the comments before it. */
  statement(...lines: string[]): void {
    this.lines.push(...(this.afterDefinition ? ['', ''] : ['']), ...lines);
    this.afterDefinition = false;
  }
}

/**
 * Appends a section made on its own (its first statement preceded by one blank line) to `body`,
 * giving it the second blank line PEP 8 asks for when `body` ends inside a class or function.
 */
export function appendSection(body: string[], section: readonly string[]): void {
  let last = body.length - 1;
  while (last >= 0 && body[last] === '') last--;
  const endsInBlock = last >= 0 && /^\s/.test(body[last] ?? '');
  const oneBlank = section[0] === '' && section[1] !== '' && section[1] !== undefined;
  body.push(...(endsInBlock && oneBlank ? [''] : []), ...section);
}
