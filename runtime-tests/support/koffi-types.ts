/**
 * IR types → koffi types, so the reference library can be bound from the IR alone. Structs,
 * packed structs (`koffi.pack`), over-aligned structs (member alignment), unions, enums (their repr
 * integer), opaque types, arrays, pointers and function pointers (`koffi.proto`).
 */
import koffi from 'koffi';
import type { IrModule, IrPrimitive, IrTypeDecl, TypeRef } from '../../compiler/ir.js';

type KoffiType = ReturnType<typeof koffi.type>;

const primitives: Record<IrPrimitive, string> = {
  void: 'void', bool: 'bool', u8: 'uint8_t', u16: 'uint16_t', u32: 'uint32_t', u64: 'uint64_t', usize: 'size_t',
  i8: 'int8_t', i16: 'int16_t', i32: 'int32_t', i64: 'int64_t', isize: 'int64_t', f32: 'float', f64: 'double', char: 'uint32_t', c_char: 'char',
};

const enumReprs: Record<string, string> = { c_int: 'int', u8: 'uint8_t', u16: 'uint16_t', u32: 'uint32_t', u64: 'uint64_t', i8: 'int8_t', i16: 'int16_t', i32: 'int32_t', i64: 'int64_t', usize: 'size_t', isize: 'int64_t' };

/** koffi type names are global to the process: numbered across every `KoffiTypes`. */
let nextTypeNumber = 0;

export class KoffiTypes {
  private readonly byId = new Map<string, KoffiType>();
  private readonly index: Map<string, IrTypeDecl>;
  /** Declarations being built: a pointer back to one (a linked list node) becomes `void *`. */
  private readonly building = new Set<string>();

  constructor(ir: IrModule) {
    this.index = new Map(ir.types.map((t) => [t.id, t]));
  }

  /** The koffi type of a declaration (structs, unions, enums); built once. */
  decl(id: string): KoffiType {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const decl = this.index.get(id);
    if (!decl) throw new Error(`unknown type ${id}`);
    // The counter first: `Private` #27 and `Private_2` #7 must not both be `Private_27`.
    const name = `t${nextTypeNumber++}_${decl.name}`;
    this.building.add(id);
    let type: KoffiType;
    switch (decl.kind) {
      case 'opaque':
        type = koffi.opaque(name);
        break;
      case 'alias':
        type = this.of(decl.target);
        break;
      case 'enum':
        type = koffi.type(enumReprs[decl.repr] ?? 'int');
        break;
      case 'struct':
      case 'union': {
        if (decl.kind === 'struct' && decl.transparent && decl.fields[0]) {
          type = this.of(decl.fields[0].type);
          break;
        }
        const members: Record<string, KoffiType | [number, KoffiType]> = {};
        decl.fields.forEach((f, i) => {
          const fieldType = this.of(f.type);
          // `repr(align(N))`: koffi has no struct alignment, but an aligned first member has the same
          // effect up to 8, koffi's maximum; beyond it, padding keeps the size right.
          members[f.name] = i === 0 && decl.align !== undefined ? [Math.min(decl.align, 8), fieldType] : fieldType;
        });
        if (decl.align !== undefined && decl.align > 8 && decl.layout) {
          const used = decl.fields.reduce((end, f) => Math.max(end, (f.offset ?? 0) + koffi.sizeof(this.of(f.type))), 0);
          if (decl.layout.size > used) members['__interopc_padding'] = koffi.array('uint8_t', decl.layout.size - used);
        }
        if (decl.kind === 'union') type = koffi.union(name, members);
        else if (decl.packed !== undefined) type = decl.packed === 1 ? koffi.pack(name, members) : koffi.struct(name, packedMembers(members, decl.packed, this));
        else type = koffi.struct(name, members);
        break;
      }
    }
    this.building.delete(id);
    this.byId.set(id, type);
    return type;
  }

  of(t: TypeRef): KoffiType {
    switch (t.kind) {
      case 'primitive':
        return koffi.type(primitives[t.name]);
      case 'named':
        return this.decl(t.id);
      case 'pointer': {
        const opaquePointee = (t.pointee.kind === 'primitive' && t.pointee.name === 'void') || (t.pointee.kind === 'named' && this.building.has(t.pointee.id));
        return koffi.pointer(opaquePointee ? koffi.type('void') : this.of(t.pointee));
      }
      case 'array':
        return koffi.array(this.of(t.element), t.length, 'Array');
      case 'fnPointer':
        return koffi.pointer(this.proto(t));
    }
  }

  proto(t: Extract<TypeRef, { kind: 'fnPointer' }>): KoffiType {
    return koffi.proto(`interopc_proto_${nextTypeNumber++}`, this.of(t.signature.returns), t.signature.params.map((p) => this.of(p.type)));
  }
}

/** `packed(N)` with N > 1: each member's alignment capped at N. */
function packedMembers(members: Record<string, KoffiType | [number, KoffiType]>, packed: number, _types: KoffiTypes): Record<string, [number, KoffiType]> {
  const out: Record<string, [number, KoffiType]> = {};
  for (const [k, v] of Object.entries(members)) {
    const type = Array.isArray(v) ? v[1] : v;
    out[k] = [Math.min(koffi.alignof(type), packed), type];
  }
  return out;
}
