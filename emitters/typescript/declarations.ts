/**
 * The raw layer's declarations: constants, enums (`const` objects plus union types), struct and
 * union interfaces with their koffi types (`koffi.struct`, `koffi.pack`, `koffi.union`), callback
 * types (`koffi.proto`), opaque types and aliases. koffi needs every type complete before a
 * struct or prototype uses it by value, so declarations are emitted on demand, dependencies first.
 */
import type { IrConstant, IrModule, IrStruct, IrTypeDecl, IrUnion, Layout, TypeId, TypeRef } from '../../compiler/ir.js';
import { byValueDependencies, declaredLayout, forEachTypeRef, layoutOfType, typeIndex, typeRefsOfDecl } from '../../compiler/ir.js';
import { arr, big, call, constDecl, expr, exported, id, jsdoc, lineComment, num, obj, str, t, tRef, tUnion, tNumber, tBigint, tString, tBoolean } from './ast.js';
import { decodedSliceName, isIdentifier, moduleNames, typeName } from './names.js';
import { floatConstantAsDouble } from '../float-constants.js';
import type { TsTypes } from './types.js';


export class Declarations {
  private readonly done = new Set<TypeId>();
  readonly statements: t.Statement[] = [];
  private readonly declared: (id: TypeId) => Layout | undefined;

  /** Structs and unions declared ahead as opaque types (a pointer met them first): their record completes them. */
  private readonly forwarded = new Set<TypeId>();

  constructor(
    private readonly ir: IrModule,
    private readonly types: TsTypes,
  ) {
    this.declared = declaredLayout(typeIndex(ir), ir.target.pointerWidth);
    types.pending = (typeId) => !this.done.has(typeId);
    types.forward = (decl) => {
      if (this.forwarded.has(decl.id)) return;
      this.forwarded.add(decl.id);
      const name = typeName(decl.name);
      this.statements.push(lineComment(exported(constDecl(name, call('koffi.opaque', koffiTypeName(name)))), 'Declared ahead of its members: a pointer reaches it first.'));
    };
  }

  /** Every declaration, constants first. */
  emitAll(): t.Statement[] {
    for (const c of this.ir.constants) this.statements.push(constant(c));
    for (const decl of this.ir.types) this.ensure(decl.id);
    this.flushInlineProtos();
    return this.statements;
  }

  private emittedProtos = 0;

  /** Inline function pointer types met so far, as module-level prototypes. */
  flushInlineProtos(): void {
    while (this.emittedProtos < this.types.inlineProtos.length) {
      const p = this.types.inlineProtos[this.emittedProtos++];
      if (!p) break;
      for (const dep of namedIn(p.fn)) this.ensure(dep);
      const proto = call('koffi.proto', koffiTypeName(p.name), this.types.koffi(p.fn.signature.returns), this.types.koffiParams(p.fn.signature, true));
      this.statements.push(...this.decodedSlices());
      this.statements.push(lineComment(constDecl(p.name, proto), 'An unnamed `extern "C" fn` type.'));
    }
  }

  private ensure(typeId: TypeId): void {
    if (this.done.has(typeId) || this.types.building.has(typeId)) return;
    const decl = this.types.decl(typeId);
    if (!decl) return;
    this.types.building.add(typeId);
    const protosBefore = this.types.inlineProtos.length;
    const out = this.declare(decl);
    this.types.building.delete(typeId);
    this.done.add(typeId);
    if (this.types.inlineProtos.length > protosBefore) this.flushInlineProtos();
    this.statements.push(...out);
  }

  /** Whether declaring `typeId` needs, by value, a declaration now being built (a cycle through a pointer). */
  private reachesBuilding(typeId: TypeId, seen: Set<TypeId>): boolean {
    if (this.types.building.has(typeId)) return true;
    if (this.done.has(typeId) || seen.has(typeId)) return false;
    seen.add(typeId);
    const decl = this.types.decl(typeId);
    return (decl ? typeRefsOfDecl(decl) : []).some((r) => byValueDependencies(r).some((dep) => this.reachesBuilding(dep, seen)));
  }

  private declare(decl: IrTypeDecl): t.Statement[] {
    switch (decl.kind) {
      case 'enum':
        return this.enumeration(decl);
      case 'struct':
      case 'union':
        return this.record(decl);
      case 'opaque':
        return this.opaque(decl);
      case 'alias':
        return this.alias(decl);
    }
  }

  private enumeration(decl: Extract<IrTypeDecl, { kind: 'enum' }>): t.Statement[] {
    const name = typeName(decl.name);
    const values = t.objectExpression(
      decl.variants.map((v) => {
        const value = BigInt(v.value);
        const literal = value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER) ? big(value) : num(Number(value));
        return jsdoc(t.objectProperty(isIdentifier(v.name) ? id(v.name) : str(v.name), literal), v.docs);
      }),
    );
    const value = jsdoc(exported(constDecl(name, t.tsAsExpression(values, tRef('const')))), decl.docs);
    // `(typeof E)[keyof typeof E]`: the union of the variant values.
    const union = t.tsIndexedAccessType(t.tsTypeQuery(id(name)), t.tsTypeOperator(t.tsTypeQuery(id(name)), 'keyof'));
    return [value, exported(t.tsTypeAliasDeclaration(id(name), null, union))];
  }

  private record(decl: IrStruct | IrUnion): t.Statement[] {
    const fields = decl.fields;
    if (decl.kind === 'struct' && decl.transparent && fields[0]) {
      // `repr(transparent)`: the field's ABI, as in C.
      for (const dep of namedByValue(fields[0].type)) this.ensure(dep);
      return [jsdoc(exported(t.tsTypeAliasDeclaration(id(typeName(decl.name)), null, this.types.raw(fields[0].type, 'in'))), decl.docs)];
    }
    // What a field holds by value must be complete first. A type behind a pointer is declared first
    // too, unless it holds (by value, however deep) a declaration being built: then that cycle is
    // broken by declaring the struct or union ahead as an opaque type (`forward`).
    for (const f of fields) {
      const behind = namedBehindPointer(f.type);
      for (const dep of namedDependencies(f.type)) {
        const kind = this.types.decl(dep)?.kind;
        const ahead = behind.has(dep) && (kind === 'struct' || kind === 'union') && this.reachesBuilding(dep, new Set());
        if (!ahead) this.ensure(dep);
      }
    }
    const members: [string, t.Expression][] = [];
    fields.forEach((f, i) => {
      let type = this.types.koffi(f.type);
      const natural = this.layout(f.type).align;
      if (decl.kind === 'struct' && decl.packed !== undefined && decl.packed > 1) {
        type = arr([num(Math.min(natural, decl.packed)), type]);
      } else if (i === 0 && decl.align !== undefined) {
        // `repr(align(N))`: an over-aligned first member aligns the struct; koffi stops at 8.
        type = arr([num(Math.min(Math.max(decl.align, natural), 8)), type]);
      }
      members.push([f.name, type]);
    });
    if (decl.align !== undefined && decl.align > 8 && decl.layout) {
      // Beyond koffi's alignment limit trailing padding at least keeps the size (contracts.md §7).
      const last = fields[fields.length - 1];
      const end = last ? (last.offset ?? 0) + this.layout(last.type).size : 0;
      if (decl.layout.size > end) members.push(['__interopc_padding', call('koffi.array', str('uint8_t'), num(decl.layout.size - end))]);
    }
    const name = typeName(decl.name);
    const declaredAhead = this.forwarded.has(decl.id);
    const definition = obj(Object.fromEntries(members));
    const builder = decl.kind === 'union' ? 'koffi.union' : decl.packed === 1 ? 'koffi.pack' : 'koffi.struct';
    const iface = t.tsInterfaceDeclaration(
      id(name),
      null,
      null,
      t.tsInterfaceBody(
        fields.map((f) => {
          const sig = t.tsPropertySignature(isIdentifier(f.name) ? id(f.name) : str(f.name), t.tsTypeAnnotation(this.types.raw(f.type, 'in')));
          // Private Rust fields stay in the layout; koffi zero-fills a member that is left out.
          if (!f.isPublic || decl.kind === 'union') sig.optional = true;
          return jsdoc(sig, f.isPublic ? f.docs : [...f.docs, 'Private in Rust: kept for the layout only.']);
        }),
      ),
    );
    const statements: t.Statement[] = [jsdoc(exported(iface), decl.docs)];
    if (declaredAhead) {
      statements.push(lineComment(expr(call(builder, id(name), definition)), 'Completes the opaque type declared ahead.'));
    } else {
      statements.push(exported(constDecl(name, call(builder, koffiTypeName(name), definition))));
    }
    return statements;
  }

  private opaque(decl: Extract<IrTypeDecl, { kind: 'opaque' }>): t.Statement[] {
    const name = this.types.koffiName(decl);
    if (this.types.serviceHandles.has(decl.id)) {
      return [lineComment(constDecl(name, call('koffi.opaque', koffiTypeName(name))), `The handle behind the \`${decl.name}\` class.`)];
    }
    const brand = t.tsTypeLiteral([readonlyProperty('__opaque', t.tsLiteralType(str(decl.name)))]);
    return [
      jsdoc(exported(t.tsTypeAliasDeclaration(id(name), null, t.tsIntersectionType([tRef(moduleNames.pointer), brand]))), decl.docs),
      exported(constDecl(name, call('koffi.opaque', koffiTypeName(name)))),
    ];
  }

  private alias(decl: Extract<IrTypeDecl, { kind: 'alias' }>): t.Statement[] {
    const name = typeName(decl.name);
    const target = decl.target;
    if (target.kind === 'fnPointer') {
      for (const dep of namedIn(target)) this.ensure(dep);
      const proto = call('koffi.proto', koffiTypeName(name), this.types.koffi(target.signature.returns), this.types.koffiParams(target.signature, true));
      return [
        ...this.decodedSlices(),
        jsdoc(exported(t.tsTypeAliasDeclaration(id(name), null, this.types.idiomaticFunction(target))), decl.docs),
        exported(constDecl(name, proto)),
      ];
    }
    if (decl.pattern?.kind === 'string') return [jsdoc(exported(t.tsTypeAliasDeclaration(id(name), null, this.types.raw(target, 'out'))), decl.docs)];
    if (decl.pattern?.kind === 'bool') {
      return [jsdoc(exported(t.tsTypeAliasDeclaration(id(name), null, tNumber())), [...decl.docs, 'A `u8`, nonzero meaning true; the idiomatic functions take and return `boolean`.'])];
    }
    for (const dep of namedByValue(target)) this.ensure(dep);
    const statements: t.Statement[] = [jsdoc(exported(t.tsTypeAliasDeclaration(id(name), null, this.types.raw(target, 'in'))), decl.docs)];
    const resolved = target.kind === 'named' ? this.types.decl(target.id) : undefined;
    if (resolved && (resolved.kind === 'struct' || resolved.kind === 'union') && !(resolved.kind === 'struct' && resolved.transparent)) {
      statements.push(exported(constDecl(name, id(this.types.koffiName(resolved)))));
    }
    return statements;
  }

  private readonly decodedDone = new Set<TypeId>();

  /**
   * The decoded twins of the slices callbacks receive, not declared yet: the same layout, with
   * `data` a pointer koffi decodes into `len` elements (`koffi.pointer(name, type, 'len')`).
   */
  private decodedSlices(): t.Statement[] {
    const out: t.Statement[] = [];
    for (const sliceId of this.types.decodedSlices) {
      const decl = this.types.decl(sliceId);
      if (this.decodedDone.has(sliceId) || decl?.kind !== 'struct' || decl.pattern?.kind !== 'slice') continue;
      this.decodedDone.add(sliceId);
      const name = decodedSliceName(decl.name);
      const data = call('koffi.pointer', koffiTypeName(`${name}_data`), this.types.koffi(decl.pattern.element), str('len'));
      const definition = obj({ data, len: str('uint64_t') });
      out.push(lineComment(constDecl(name, call('koffi.struct', koffiTypeName(name), definition)), `\`${decl.name}\` as a callback receives it: koffi decodes \`len\` elements of \`data\`.`));
    }
    return out;
  }

  /** Size and alignment of a field type, from the IR's layouts (opaque: 0 and 1). */
  private layout(ref: TypeRef): Layout {
    return layoutOfType(ref, this.ir.target.pointerWidth, this.declared) ?? { size: 0, align: 1 };
  }
}

/**
 * Every koffi type gets a name: koffi numbers unnamed structs and prototypes with two counters that
 * collide (`<anonymous_47>` twice), and then resolves a pointer to one as a pointer to the other.
 * Names are global to the process, so the module's `typeScope` keeps them unique.
 */
const koffiTypeName = (name: string): t.Expression => t.binaryExpression('+', id(moduleNames.typeScope), str(name));

const readonlyProperty = (name: string, type: t.TSType): t.TSPropertySignature => {
  const p = t.tsPropertySignature(id(name), t.tsTypeAnnotation(type));
  p.readonly = true;
  return p;
};

/** Named types a TypeRef needs complete: by value, or as a pointee (declared first when it can be). */
function namedDependencies(ref: TypeRef): TypeId[] {
  const out: TypeId[] = [];
  forEachTypeRef(ref, (r) => {
    if (r.kind === 'named') out.push(r.id);
  });
  return out;
}

const namedByValue = namedDependencies;

/** Named types a TypeRef reaches through a data pointer (those a koffi type may declare ahead). */
function namedBehindPointer(ref: TypeRef): Set<TypeId> {
  const out = new Set<TypeId>();
  forEachTypeRef(ref, (r) => {
    if (r.kind === 'pointer') forEachTypeRef(r.pointee, (p) => p.kind === 'named' && out.add(p.id));
  });
  return out;
}

const namedIn = (fn: Extract<TypeRef, { kind: 'fnPointer' }>): TypeId[] => namedDependencies(fn);

function constant(c: IrConstant): t.Statement {
  const v = c.value;
  let value: t.Expression;
  let type: t.TSType | undefined;
  switch (v.kind) {
    case 'int': {
      const wide = c.type.kind === 'primitive' && ['u64', 'i64', 'usize', 'isize'].includes(c.type.name);
      value = wide ? big(BigInt(v.value)) : num(Number(v.value));
      type = wide ? tBigint() : tNumber();
      break;
    }
    case 'float': {
      const x = floatConstantAsDouble(c) ?? NaN;
      value = Number.isNaN(x) ? id('NaN') : !Number.isFinite(x) ? (x > 0 ? id('Infinity') : t.unaryExpression('-', id('Infinity'))) : Object.is(x, -0) ? t.unaryExpression('-', num(0)) : num(x);
      type = tNumber();
      break;
    }
    case 'bool':
      value = t.booleanLiteral(v.value);
      type = tBoolean();
      break;
    case 'char':
      value = num(v.value);
      type = tNumber();
      break;
    case 'string':
      value = str(v.value);
      type = tString();
      break;
  }
  return jsdoc(exported(constDecl(typeName(c.name), value, tUnion(type))), c.docs);
}
