/**
 * Constant evaluation with rustc's semantics for what FFI crates write in constants: integer
 * arithmetic in the declared type with overflow errors, shifts, bit operations, comparisons, casts,
 * associated constants of primitives, references to other constants (in their own module), enum
 * discriminants, and calls of the crate's simple `const fn`s. Shared by `evaluate-constants`
 * (constants, discriminants) and `monomorphize` (array lengths, const generic arguments).
 */
import type { Expr, Path, TypeNode } from '../../compiler/syntax/ast.js';
import type { ConstValue, DefId, EnumDef, HirProgram, HirType, ModuleId, PrimitiveName } from '../../compiler/hir.js';
import { diagnostic, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { Span } from '../../compiler/source.js';
import { lookupPath } from './scopes.js';
import { resolveType, typeContext } from './resolve-type.js';
import { primitiveTypes } from './known-types.js';
import { evaluatePredicate } from './cfg.js';
import type { CfgSet } from '../../compiler/pass.js';
import { applyBinary, applyMethod, castValue, type Fail } from './const-ops.js';
import { associatedConstant, inRange, isFloatType, isIntType, type IntType } from './const-values.js';

export interface ConstEnv {
  readonly locals: ReadonlyMap<string, ConstValue>;
}

export type EvalResult = { readonly ok: true; readonly value: ConstValue } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** What an expression expects: a primitive, `str` for `&str` constants, or nothing (defaults apply). */
export type Expected = PrimitiveName | 'str' | undefined;

class EvalError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

const emptyEnv: ConstEnv = { locals: new Map() };

const comparisons: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

export class ConstEvaluator {
  private readonly constCache = new Map<DefId, EvalResult | 'pending'>();
  private readonly discriminantCache = new Map<DefId, readonly bigint[]>();
  private depth = 0;

  /**
   * `cfg`: the build's cfg set, for `cfg!(…)`; `environment`: what `env!` reads. Without them those
   * macros are expressions interopc cannot evaluate.
   */
  constructor(
    private readonly program: HirProgram,
    private readonly cfg?: CfgSet,
    private readonly environment?: ReadonlyMap<string, string>,
  ) {}

  /** Value of a const item, memoized; a cycle is IC2106. */
  constOf(def: DefId): EvalResult {
    const cached = this.constCache.get(def);
    const d = this.program.defs.get(def);
    if (cached === 'pending') {
      return { ok: false, diagnostic: diagnostic('IC2106', `constant \`${d?.name ?? def}\` depends on itself`, d?.nameSpan) };
    }
    if (cached) return cached;
    if (!d || d.kind !== 'const' || !d.value) {
      return { ok: false, diagnostic: diagnostic('IC2101', `\`${def}\` has no value interopc can evaluate`, d?.nameSpan) };
    }
    this.constCache.set(def, 'pending');
    const expected = expectedOf(d.type, this.program);
    const result = this.evaluate(d.value, d.module, expected);
    this.constCache.set(def, result);
    return result;
  }

  /** Evaluates `expr` written in `module`. */
  evaluate(expr: Expr, module: ModuleId, expected: Expected, env: ConstEnv = emptyEnv): EvalResult {
    try {
      return { ok: true, value: this.eval(expr, module, expected, env) };
    } catch (e) {
      if (e instanceof EvalError) return { ok: false, diagnostic: e.diagnostic };
      throw e;
    }
  }

  /** Discriminants of an enum in variant order; throws EvalError-wrapped diagnostics via `discriminantsResult`. */
  discriminantsOf(def: EnumDef): readonly bigint[] {
    const cached = this.discriminantCache.get(def.id);
    if (cached) return cached;
    const repr: IntType = (def.repr.int ?? (def.repr.c ? 'i32' : 'isize')) as IntType;
    const values: bigint[] = [];
    // Where each value is, once the enum is long enough for `indexOf` to be quadratic.
    let positions: Map<bigint, number> | undefined;
    let next = 0n;
    for (const v of def.variants) {
      let value = next;
      if (v.discriminant) {
        const r = this.eval(v.discriminant, def.module, repr, emptyEnv);
        if (r.kind !== 'int') this.fail('IC2107', `discriminant of \`${def.name}::${v.name}\` must be an integer, found ${r.kind}`, v.discriminant.span);
        value = r.value;
      }
      if (!inRange(value, repr)) {
        this.fail('IC2104', `discriminant ${value} of \`${def.name}::${v.name}\` does not fit ${def.repr.int ?? (def.repr.c ? 'a C int' : 'isize')}`, v.span, [
          `help: use a wider repr, e.g. #[repr(${repr.startsWith('i') ? 'i64' : 'u64'})]`,
        ]);
      }
      const duplicate = positions ? (positions.get(value) ?? -1) : values.indexOf(value);
      if (duplicate >= 0) {
        const other = def.variants[duplicate];
        throw new EvalError(
          diagnostic('IC2105', `discriminant ${value} of \`${def.name}::${v.name}\` is already used by \`${other?.name}\``, v.span, {
            labels: other ? [{ span: other.span, message: 'first used here' }] : [],
          }),
        );
      }
      values.push(value);
      if (positions) positions.set(value, values.length - 1);
      else if (values.length === 64) positions = new Map(values.map((x, k) => [x, k]));
      next = value + 1n;
    }
    this.discriminantCache.set(def.id, values);
    return values;
  }

  discriminantsResult(def: EnumDef): { ok: true; values: readonly bigint[] } | { ok: false; diagnostic: Diagnostic } {
    try {
      return { ok: true, values: this.discriminantsOf(def) };
    } catch (e) {
      if (e instanceof EvalError) return { ok: false, diagnostic: e.diagnostic };
      throw e;
    }
  }

  private fail(code: Parameters<typeof diagnostic>[0], message: string, span: Span, notes: string[] = []): never {
    throw new EvalError(diagnostic(code, message, span, { notes }));
  }

  /** `fail` for the operators, which always pass the span (one function, not one per expression). */
  private readonly f: Fail = (code, message, span, notes) => this.fail(code, message, span as Span, notes);

  /** An integer literal (`value` is negated for `-literal`): its suffix's type, else the expected one, else i32. */
  private intLiteral(literal: Extract<Expr, { kind: 'int' }>, value: bigint, expected: Expected, span: Span = literal.span): ConstValue {
    const type = literal.suffix ?? (isIntType(expected) ? expected : expected === 'c_char' ? 'i8' : 'i32');
    if (!isIntType(type)) return this.f('IC2107', `expected ${expected}, found an integer literal`, span);
    if (!inRange(value, type)) return this.f('IC2102', `literal ${value} does not fit ${type}`, span, [`help: the range of ${type} is ${rangeText(type)}`]);
    return { kind: 'int', value, type };
  }

  private eval(expr: Expr, module: ModuleId, expected: Expected, env: ConstEnv): ConstValue {
    const f = this.f;
    switch (expr.kind) {
      case 'int':
        return this.intLiteral(expr, expr.value, expected);
      case 'float': {
        const type = expr.suffix ?? (isFloatType(expected) ? expected : 'f64');
        const v = Number(expr.text);
        return { kind: 'float', value: type === 'f32' ? Math.fround(v) : v, type };
      }
      case 'bool':
        return { kind: 'bool', value: expr.value };
      case 'char':
        return expr.byte ? { kind: 'int', value: BigInt(expr.value), type: 'u8' } : { kind: 'char', value: expr.value };
      case 'str':
        if (expr.byte) return f('IC2101', 'byte string constants are not supported', expr.span, ['help: use a `&str` constant']);
        return { kind: 'str', value: expr.value };
      case 'paren':
        return this.eval(expr.expr, module, expected, env);
      case 'reference':
        return this.eval(expr.expr, module, expected, env);
      case 'path':
        return this.evalPath(expr.path, module, expected, env, expr.span);
      case 'unary': {
        // `-9223372036854775808` is an i64 although the literal alone is not: the negated value counts.
        if (expr.op === '-' && expr.operand.kind === 'int') return this.intLiteral(expr.operand, -expr.operand.value, expected, expr.span);
        const v = this.eval(expr.operand, module, expected, env);
        return applyBinary(expr.op === '-' ? 'neg' : 'not', v, v, expr.span, f);
      }
      case 'binary': {
        const isShift = expr.op === '<<' || expr.op === '>>';
        const isLogic = expr.op === '&&' || expr.op === '||';
        const isCompare = comparisons.has(expr.op);
        const leftExpected: Expected = isLogic ? 'bool' : isCompare ? this.peekType(expr.right, module, env) : expected;
        const left = this.eval(expr.left, module, leftExpected ?? (isCompare ? undefined : expected), env);
        const rightExpected: Expected = isShift ? undefined : left.kind === 'int' || left.kind === 'float' ? left.type : isLogic ? 'bool' : undefined;
        const right = this.eval(expr.right, module, rightExpected, env);
        return applyBinary(expr.op, left, right, expr.span, f);
      }
      case 'cast': {
        const target = this.castTarget(expr.type, module);
        if (!target) return f('IC2101', 'cast to a type interopc cannot evaluate', expr.type.span);
        const v = this.eval(expr.expr, module, undefined, env);
        return castValue(v, target, expr.span, f);
      }
      case 'call':
        return this.evalCall(expr, module, expected, env);
      case 'methodCall': {
        const receiver = this.eval(expr.receiver, module, expected, env);
        const args = expr.args.map((a) => this.eval(a, module, receiver.kind === 'int' || receiver.kind === 'float' ? (expr.method === 'pow' ? 'u32' : receiver.type) : undefined, env));
        return applyMethod(expr.method, receiver, args, expr.span, f);
      }
      case 'block': {
        const locals = new Map(env.locals);
        for (const s of expr.statements) {
          const declared = s.type ? this.castTarget(s.type, module) : undefined;
          locals.set(s.name, this.eval(s.value, module, declared, { locals }));
        }
        if (!expr.tail) return f('IC2101', 'a block without a final expression has no value', expr.span);
        return this.eval(expr.tail, module, expected, { locals });
      }
      case 'if': {
        const c = this.eval(expr.condition, module, 'bool', env);
        if (c.kind !== 'bool') return f('IC2107', 'an `if` condition must be a bool', expr.condition.span);
        if (c.value) return this.eval(expr.then, module, expected, env);
        if (!expr.otherwise) return f('IC2101', '`if` without `else` has no value', expr.span);
        return this.eval(expr.otherwise, module, expected, env);
      }
      case 'cfg':
        if (!this.cfg) return f('IC2101', '`cfg!` is not evaluated here', expr.span);
        return { kind: 'bool', value: evaluatePredicate(expr.predicate, this.cfg) };
      case 'concat': {
        // What `concat!` makes of each literal: strings as they are, numbers, bools and chars as text.
        let text = '';
        for (const part of expr.parts) {
          const v = this.eval(part, module, undefined, env);
          text += v.kind === 'char' ? String.fromCodePoint(v.value) : String(v.value);
        }
        return { kind: 'str', value: text };
      }
      case 'env': {
        const value = this.environment?.get(expr.name);
        if (value === undefined) {
          return f('IC2101', `\`env!("${expr.name}")\` is not known when bindings are generated`, expr.span, [
            'help: interopc knows the variables cargo sets from Cargo.toml (CARGO_PKG_NAME, CARGO_PKG_VERSION, …); write the value itself here',
          ]);
        }
        return { kind: 'str', value };
      }
      case 'unparsed':
        return f('IC2101', 'unsupported constant expression', expr.span, [
          'help: interopc evaluates literals, arithmetic, casts, other constants and simple `const fn` calls; write the value as such an expression',
        ]);
    }
  }

  /** The type an operand will have without context, to type an unsuffixed literal on the other side. */
  private peekType(expr: Expr, module: ModuleId, env: ConstEnv): Expected {
    if (expr.kind === 'int' || expr.kind === 'float') return expr.suffix as Expected;
    try {
      const v = this.eval(expr, module, undefined, env);
      return v.kind === 'int' || v.kind === 'float' ? v.type : v.kind === 'bool' ? 'bool' : undefined;
    } catch {
      return undefined;
    }
  }

  private castTarget(type: TypeNode, module: ModuleId): PrimitiveName | undefined {
    const resolved = resolveType(typeContext(this.program.modules, module, []), type);
    return primitiveOf(resolved, this.program);
  }

  private evalPath(path: Path, module: ModuleId, expected: Expected, env: ConstEnv, span: Span): ConstValue {
    const names = path.segments.map((s) => s.name);
    if (names.length === 1 && !path.global) {
      const local = env.locals.get(names[0] as string);
      if (local) return local;
    }
    // `u8::MAX`, `std::u8::MAX`, `core::f32::consts::PI`
    const primIndex = names.findIndex((n) => primitiveTypes.has(n) || n === 'u128' || n === 'i128');
    const last = names[names.length - 1] as string;
    const target = lookupPath(this.program.modules, module, names, path.global, 'values');
    if (target?.kind === 'def') {
      const def = this.program.defs.get(target.def);
      if (def?.kind === 'const') {
        const r = this.constOf(target.def);
        if (!r.ok) throw new EvalError(r.diagnostic);
        return r.value;
      }
      if (def?.kind === 'fn') return this.fail('IC2101', `\`${def.name}\` is a function, not a constant`, span);
    }
    if (primIndex >= 0 && !(target?.kind === 'def')) {
      const v = associatedConstant(names[primIndex] as string, last);
      if (v) return v;
    }
    // `Enum::Variant`
    if (names.length >= 2) {
      const enumTarget = lookupPath(this.program.modules, module, names.slice(0, -1), path.global, 'types');
      const def = enumTarget?.kind === 'def' ? this.program.defs.get(enumTarget.def) : undefined;
      if (def?.kind === 'enum') {
        const index = def.variants.findIndex((v) => v.name === last);
        if (index >= 0) {
          const value = this.discriminantsOf(def)[index] ?? 0n;
          return { kind: 'int', value, type: (def.repr.int ?? (def.repr.c ? 'i32' : 'isize')) as IntType };
        }
      }
    }
    void expected;
    return this.fail('IC2007', `cannot find constant \`${names.join('::')}\``, span, ['help: interopc evaluates constants of this crate and of the primitive types']);
  }

  private evalCall(expr: Extract<Expr, { kind: 'call' }>, module: ModuleId, expected: Expected, env: ConstEnv): ConstValue {
    if (expr.callee.kind !== 'path') return this.fail('IC2101', 'unsupported call in a constant', expr.span);
    const names = expr.callee.path.segments.map((s) => s.name);
    const target = lookupPath(this.program.modules, module, names, expr.callee.path.global, 'values');
    const def = target?.kind === 'def' ? this.program.defs.get(target.def) : undefined;
    if (!def || def.kind !== 'fn') return this.fail('IC2007', `cannot find \`const fn ${names.join('::')}\``, expr.callee.span);
    if (!def.isConst || !def.constBody) {
      return this.fail('IC2101', `\`${def.name}\` is not a \`const fn\` interopc can evaluate`, expr.callee.span, [
        'help: interopc evaluates `const fn`s whose body is `let` statements and one expression',
      ]);
    }
    if (def.params.length !== expr.args.length) return this.fail('IC2107', `\`${def.name}\` takes ${def.params.length} arguments, ${expr.args.length} given`, expr.span);
    if (this.depth > 64) return this.fail('IC2101', 'const fn recursion too deep', expr.span);
    const locals = new Map<string, ConstValue>();
    def.params.forEach((p, i) => {
      const arg = expr.args[i];
      if (arg) locals.set(p.name, this.eval(arg, module, primitiveOf(p.type, this.program), env));
    });
    this.depth++;
    try {
      return this.eval(def.constBody, def.module, primitiveOf(def.returns, this.program) ?? expected, { locals });
    } finally {
      this.depth--;
    }
  }
}

function rangeText(t: IntType): string {
  const bitsN = BigInt(t.slice(1) === 'size' ? 64 : Number(t.slice(1)));
  return t.startsWith('i') ? `${-(1n << (bitsN - 1n))}..=${(1n << (bitsN - 1n)) - 1n}` : `0..=${(1n << bitsN) - 1n}`;
}

/** The primitive a HIR type denotes (through aliases), if any. */
export function primitiveOf(type: HirType, program: HirProgram): PrimitiveName | undefined {
  if (type.kind === 'primitive') return type.name;
  if (type.kind === 'def') {
    const def = program.defs.get(type.def);
    if (def?.kind === 'alias') return primitiveOf(def.target, program);
  }
  return undefined;
}

/** The expected type of a constant declared with `type`. */
export function expectedOf(type: HirType, program: HirProgram): Expected {
  if (type.kind === 'reference' && type.referent.kind === 'known' && type.referent.name === 'str') return 'str';
  return primitiveOf(type, program);
}
