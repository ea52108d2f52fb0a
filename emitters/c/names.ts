/**
 * C names: the only place that applies the prefix and escapes identifiers that are keywords in C
 * or C++ (the header is compiled as both).
 */
const reserved = new Set([
  // C99
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern', 'float', 'for', 'goto',
  'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed', 'sizeof', 'static', 'struct', 'switch',
  'typedef', 'union', 'unsigned', 'void', 'volatile', 'while', '_Bool', '_Complex', '_Imaginary', 'bool', 'true', 'false',
  // C++
  'alignas', 'alignof', 'and', 'and_eq', 'asm', 'bitand', 'bitor', 'catch', 'char16_t', 'char32_t', 'class', 'compl', 'concept',
  'const_cast', 'constexpr', 'decltype', 'delete', 'dynamic_cast', 'explicit', 'export', 'friend', 'mutable', 'namespace', 'new',
  'noexcept', 'not', 'not_eq', 'nullptr', 'operator', 'or', 'or_eq', 'private', 'protected', 'public', 'reinterpret_cast',
  'requires', 'static_assert', 'static_cast', 'template', 'this', 'thread_local', 'throw', 'try', 'typeid', 'typename', 'using',
  'virtual', 'wchar_t', 'xor', 'xor_eq',
  // names the header itself relies on
  'offsetof', 'size_t', 'ptrdiff_t',
]);

export const isReserved = (name: string): boolean => reserved.has(name);

/** Escapes a C/C++ keyword by appending `_`. */
export const escapeName = (name: string): string => (reserved.has(name) ? `${name}_` : name);

export class CNames {
  constructor(private readonly prefix: string) {}

  /** Types, constants and enum constants get the prefix; function symbols never change. */
  type(name: string): string {
    return escapeName(this.prefix + name);
  }

  constant(name: string): string {
    return escapeName(this.prefix + name);
  }

  enumConstant(enumName: string, variant: string): string {
    return escapeName(`${this.prefix}${enumName}_${variant}`);
  }

  /** `reference` → `REFERENCE`; non-alphanumerics become `_`. */
  macro(name: string): string {
    return (this.prefix + name).toUpperCase().replace(/[^A-Z0-9]/g, '_');
  }

  field(name: string): string {
    return escapeName(name);
  }

  /** Parameter names: escaped, `_` and duplicates made unique. */
  params(names: readonly string[]): string[] {
    const used = new Set<string>();
    return names.map((n, i) => {
      let name = n === '_' || n === '' ? `arg${i}` : escapeName(n);
      while (used.has(name)) name = `${name}_${i}`;
      used.add(name);
      return name;
    });
  }
}
