/**
 * IR types → C declarations. A real declarator printer: `const` lands on the pointee, and pointers
 * to arrays, arrays of function pointers and functions returning function pointers all come out in
 * valid C (`uint8_t (*cb)(uint8_t)`, `const int64_t *const *x`).
 */
import type { IrPrimitive, IrTypeDecl, TypeRef } from '../../compiler/ir.js';
import type { CNames } from './names.js';

const cPrimitives: Record<IrPrimitive, string> = {
  void: 'void', bool: 'bool', u8: 'uint8_t', u16: 'uint16_t', u32: 'uint32_t', u64: 'uint64_t', usize: 'size_t',
  i8: 'int8_t', i16: 'int16_t', i32: 'int32_t', i64: 'int64_t', isize: 'ptrdiff_t', f32: 'float', f64: 'double',
  char: 'uint32_t', c_char: 'char',
};

export const cPrimitive = (p: IrPrimitive): string => cPrimitives[p];

export class CTypes {
  constructor(
    private readonly names: CNames,
    private readonly index: ReadonlyMap<string, IrTypeDecl>,
  ) {}

  /** C names by type id, made once per type (a large header refers to each type many times). */
  private readonly typeNames = new Map<string, string>();

  typeName(id: string): string {
    let name = this.typeNames.get(id);
    if (name === undefined) {
      name = this.names.type(this.index.get(id)?.name ?? id);
      this.typeNames.set(id, name);
    }
    return name;
  }

  /** `T name` for `type`; `name` may be empty (abstract declarator) or already a declarator. */
  declare(type: TypeRef, name: string, constQualified = false): string {
    switch (type.kind) {
      case 'primitive':
        return joinDecl(`${constQualified ? 'const ' : ''}${cPrimitive(type.name)}`, name);
      case 'named':
        return joinDecl(`${constQualified ? 'const ' : ''}${this.typeName(type.id)}`, name);
      case 'pointer':
        return this.declare(type.pointee, `*${constQualified ? 'const ' : ''}${name}`, !type.mutable);
      case 'array':
        return this.declare(type.element, `${parenthesize(name)}[${type.length}]`, constQualified);
      case 'fnPointer': {
        const params = this.paramList(type.signature.params.map((p) => p.type), type.signature.params.map(() => ''));
        return this.declare(type.signature.returns, `(*${constQualified ? 'const ' : ''}${name})(${params})`);
      }
    }
  }

  /** `uint8_t a, const char *b`, or `void` for none. */
  paramList(types: readonly TypeRef[], names: readonly string[]): string {
    if (types.length === 0) return 'void';
    return types.map((t, i) => this.declare(t, names[i] ?? '')).join(', ');
  }
}

function joinDecl(base: string, declarator: string): string {
  if (declarator === '') return base;
  return declarator.startsWith('*') ? `${base} ${declarator}` : `${base} ${declarator}`;
}

/** `*p[3]` is an array of pointers; a pointer to an array needs `(*p)[3]`. */
function parenthesize(declarator: string): string {
  return declarator.startsWith('*') ? `(${declarator})` : declarator;
}
