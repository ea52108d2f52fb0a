/** Python names: keywords and builtins the generated module must not shadow get a trailing `_`. */

const keywords = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
]);

/** Module-level names the generated code itself uses. */
const reserved = new Set(
  ['ctypes', 'enum', 'os', 'sys', 'typing', 'init_lib', 'API_HASH', 'LIB_NAME', 'lib', 'self', 'cls', 'isinstance', 'list'],
);

export function pyName(name: string): string {
  return keywords.has(name) || reserved.has(name) ? `${name}_` : name;
}

/** A Python string literal for any text (docstrings go through `docstring`). */
export const pyString = (text: string): string => JSON.stringify(text);

/** A docstring body: the lines, with `"""` and backslashes made harmless. */
export function docstring(lines: readonly string[], indent: string): string[] {
  if (lines.length === 0) return [];
  const safe = lines.map((l) => l.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"'));
  if (safe.length === 1) return [`${indent}"""${safe[0]}"""`];
  return [`${indent}"""${safe[0]}`, ...safe.slice(1).map((l) => (l === '' ? '' : indent + l)), `${indent}"""`];
}

/** `snake_case` for functions, methods and parameters (`fooBar` → `foo_bar`), made safe. */
export function snakeName(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
  return pyName(snake);
}
