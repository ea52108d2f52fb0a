/**
 * C# names: the only place for casing and keyword escaping. Idiomatic members are PascalCase,
 * parameters and locals camelCase; raw externs keep the exported symbol. A C# keyword is escaped
 * with `@`, which keeps the name the user reads (`@event`) and is valid in every C# version.
 */
const keywords = new Set([
  'abstract', 'as', 'base', 'bool', 'break', 'byte', 'case', 'catch', 'char', 'checked', 'class', 'const', 'continue', 'decimal',
  'default', 'delegate', 'do', 'double', 'else', 'enum', 'event', 'explicit', 'extern', 'false', 'finally', 'fixed', 'float', 'for',
  'foreach', 'goto', 'if', 'implicit', 'in', 'int', 'interface', 'internal', 'is', 'lock', 'long', 'namespace', 'new', 'null',
  'object', 'operator', 'out', 'override', 'params', 'private', 'protected', 'public', 'readonly', 'ref', 'return', 'sbyte',
  'sealed', 'short', 'sizeof', 'stackalloc', 'static', 'string', 'struct', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
  'uint', 'ulong', 'unchecked', 'unsafe', 'ushort', 'using', 'virtual', 'void', 'volatile', 'while',
]);

/** Escapes a C# keyword with `@`. */
export const csEscape = (name: string): string => (keywords.has(name) ? `@${name}` : name);

function words(name: string): string[] {
  return name.split('_').filter((w) => w !== '');
}

function capitalize(word: string): string {
  // SCREAMING words (constants) read as words: `MIN_POSITIVE` → `MinPositive`; `FFI` in a mixed
  // name stays as written (`FFIError`).
  const lower = word === word.toUpperCase() && word.length > 1 ? word.toLowerCase() : word;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** `primitive_u32` → `PrimitiveU32`; `F32_MIN_POSITIVE` → `F32MinPositive`; `_0` stays `_0`. */
export function pascal(name: string): string {
  if (/^_\d+$/.test(name)) return name;
  const joined = words(name).map(capitalize).join('');
  return csEscape(/^\d/.test(joined) ? `_${joined}` : joined || '_');
}

/** `ascii_string` → `asciiString`; `_` (anonymous) → `arg{i}`. */
export function camel(name: string, position: number): string {
  const parts = words(name);
  if (parts.length === 0) return `arg${position}`;
  const [first, ...rest] = parts as [string, ...string[]];
  const joined = first.charAt(0).toLowerCase() + first.slice(1) + rest.map(capitalize).join('');
  return csEscape(/^\d/.test(joined) ? `_${joined}` : joined);
}

/** Parameter names for a signature: camelCase, unique, never `_`. */
export function paramNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n, i) => {
    let name = camel(n, i);
    while (used.has(name)) name = `${name}${i}`;
    used.add(name);
    return name;
  });
}

/** A raw extern's name: the exported symbol itself, escaped when it is a keyword. */
export const rawName = (symbol: string): string => csEscape(symbol);

/**
 * Types the generated file names without a namespace. A crate type of the same name would shadow
 * them inside the generated namespace (its types win over `using` imports), so it gets a `_`.
 */
const usedTypes = new Set([
  'Action', 'Attribute', 'CallingConvention', 'DllImportAttribute', 'Encoding', 'Enum', 'Exception', 'ExceptionDispatchInfo',
  'FieldOffsetAttribute', 'GC', 'GCHandle', 'GCHandleType', 'IDisposable', 'IntPtr', 'Interlocked', 'InvalidOperationException',
  'LayoutKind', 'Marshal', 'MarshalAsAttribute', 'MethodImplAttribute', 'MethodImplOptions', 'ObjectDisposedException',
  'ReadOnlySpan', 'Span', 'StructLayoutAttribute', 'ThreadStaticAttribute', 'Type', 'UIntPtr', 'UnmanagedType',
  'UnmanagedFunctionPointerAttribute', 'DllImport', 'FieldOffset', 'MarshalAs', 'MethodImpl', 'StructLayout', 'ThreadStatic',
  'UnmanagedFunctionPointer', 'AOT',
  // The support classes of the file itself.
  'InteropException', 'InteropUtf8', 'InteropUtf8Array', 'InteropCallbackSlot', 'InteropCallbacks', 'InteropApiGuard',
]);

/** Type names keep the IR's emitted name (`Generic_u32`, `FFIError`): the C header uses the same. */
export const typeName = (name: string): string => (usedTypes.has(name) ? `${name}_` : csEscape(name));

/** A C# string literal (verbatim-safe: quotes, backslashes and control characters escaped). */
export function csString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

const xmlEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `/// <summary>` lines for Rust docs (markdown kept as text); none for undocumented items. */
export function xmlDoc(docs: readonly string[]): string[] {
  if (docs.length === 0) return [];
  return ['/// <summary>', ...docs.map((d) => (d === '' ? '///' : `/// ${xmlEscape(d)}`)), '/// </summary>'];
}
