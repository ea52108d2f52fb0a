/**
 * Pass `validate-ffi`: checks that everything reachable from an export root has a C form, walking
 * function signatures and, through them, every type instance (generic arguments substituted) once.
 * Input and output: the evaluated program, unchanged. Every problem is reported with the span of
 * the type as written, a "required by" note and a hint.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { DiagnosticBag, type Diagnostics } from '../compiler/diagnostics/diagnostic.js';
import type { Def, EvaluatedProgram, HirType } from '../compiler/hir.js';
import { finish, type Pass, type PassContext } from '../compiler/pass.js';
import type { DiagnosticCode } from '../compiler/diagnostics/catalog.js';
import type { Span } from '../compiler/source.js';
import { ConstEvaluator } from './support/const-eval.js';
import { arrayLength } from './support/array-length.js';
import { hasAttribute } from './support/attributes.js';
import { bindGenerics, emptyGenericEnv, substitute, type GenericEnv } from './support/substitute.js';
import { instanceKey } from './support/type-text.js';
import { isZeroSized, unalias } from './support/type-shapes.js';

/** What `NonZero<T>` takes. */
const integerPrimitives: ReadonlySet<string> = new Set(['u8', 'u16', 'u32', 'u64', 'usize', 'i8', 'i16', 'i32', 'i64', 'isize']);

/** Where a type is used: by value (needs a C layout) or behind a pointer (may be opaque). */
type Use = 'value' | 'pointer' | 'return';

const stdHints: Record<string, string> = {
  String: 'pass `*const c_char` (a NUL-terminated UTF-8 string) instead',
  Vec: 'pass `*const T` and a length instead',
  Rc: 'pass a raw pointer instead',
  Arc: 'pass a raw pointer instead',
  HashMap: 'expose it behind an opaque type and accessor functions',
  CString: 'pass `*const c_char` instead',
  CStr: 'pass `*const c_char` instead',
};

export const validateFfi: Pass<EvaluatedProgram, EvaluatedProgram> = {
  name: 'validate-ffi',
  run(program: EvaluatedProgram, ctx: PassContext): Either<Diagnostics, EvaluatedProgram> {
    const bag = new DiagnosticBag();
    const evaluator = new ConstEvaluator(program, ctx.cfg, ctx.env);
    const visited = new Set<string>();
    const reported = new Set<string>();
    const report = (code: DiagnosticCode, message: string, span: Span, notes: string[], labels: { span: Span; message: string }[] = []) => {
      const key = `${code}|${span.file}|${span.start}|${message}`;
      if (reported.has(key)) return;
      reported.add(key);
      bag.report(code, message, span, { notes, labels });
    };

    const visitDef = (def: Def, t: Extract<HirType, { kind: 'def' }>, env: GenericEnv, use: Use, site: string, depth: number): void => {
      if (def.kind === 'alias') {
        const bound = bindGenerics(def.generics, t.args, env);
        if (!bound) return report('IC2207', `\`${def.name}\` expects ${countParams(def)} generic arguments`, t.span, [`note: required by ${site}`]);
        return visit(substitute(def.target, bound), emptyGenericEnv, use, site, depth + 1);
      }
      if (def.kind !== 'struct' && def.kind !== 'union' && def.kind !== 'enum') {
        return report('IC2001', `\`${def.name}\` is not a type`, t.span, [`note: required by ${site}`]);
      }
      const bound = bindGenerics(def.generics, t.args, env);
      if (!bound) return report('IC2207', `\`${def.name}\` expects ${countParams(def)} generic arguments, found ${t.args.filter((a) => a.kind !== 'lifetime').length}`, t.span, [`note: required by ${site}`]);
      const hasLayout = def.kind === 'enum' ? def.repr.c || def.repr.int !== undefined : def.repr.c || def.repr.transparent;
      const opaque = def.ffiType?.opaque === true || !hasLayout;
      if (use !== 'pointer' && !hasLayout && def.kind === 'enum' && def.variants.some((v) => v.fields.length > 0)) {
        return report('IC2205', `enum \`${def.name}\` has variants with data but no \`repr\` that gives it a C layout`, def.nameSpan, [
          `note: required by ${site}`,
          'help: add `#[repr(C)]` (a tag, then a union of the variants) or `#[repr(u8)]` (a union of variants that each start with the tag)',
        ]);
      }
      if (use !== 'pointer' && opaque) {
        return report('IC2201', `\`${def.name}\` has no C layout but is passed by value`, t.span, [`note: required by ${site}`, `help: add \`#[repr(C)]\` to \`${def.id}\`, or pass it behind a pointer`], [{ span: def.nameSpan, message: 'defined here' }]);
      }
      if (opaque) return;
      const key = `${instanceKey(def.id, t.args, env)}`;
      if (visited.has(key)) return;
      visited.add(key);
      if (depth > 64) return report('IC2206', `instantiating \`${def.name}\` recurses without end`, t.span, [`note: required by ${site}`]);
      if (def.kind === 'enum') {
        const err = program.constErrors.get(def.id);
        if (err) bag.add(err);
        if (def.variants.some((v) => v.fields.length > 0)) {
          // A data enum with `repr(C)` or `repr(u8)`-style has the layout RFC 2195 defines: its fields cross by value.
          for (const v of def.variants) {
            for (const field of v.fields) {
              if (!isZeroSized(substitute(field.type, bound))) visit(field.type, bound, 'value', `field \`${field.name}\` of \`${def.id}::${v.name}\``, depth + 1);
            }
          }
          return;
        }
        if (def.variants.length === 0 && use !== 'pointer') return report('IC2208', `enum \`${def.name}\` has no variants`, def.nameSpan, [`note: required by ${site}`]);
        return;
      }
      if (def.kind === 'struct' && def.pattern) {
        // A slice's elements and an option's value are read by value on the other side.
        const element = t.args.find((a) => a.kind === 'type');
        const role = def.pattern.kind === 'option' ? 'value' : 'element';
        if (element?.kind === 'type') visit(element.type, env, 'value', `the ${role} type of \`${def.name}\` in ${site}`, depth + 1);
        return;
      }
      const skip = def.ffiType?.skip;
      let sized = false;
      for (const field of def.fields) {
        if (skip?.includes(field.name)) continue;
        if (isZeroSized(substitute(field.type, bound))) continue;
        sized = true;
        visit(field.type, bound, 'value', `field \`${field.name}\` of \`${def.id}\``, depth + 1);
      }
      if (!sized && use !== 'pointer') {
        report('IC2204', `\`${def.name}\` has no fields with data, so it has no C layout`, t.span, [`note: required by ${site}`, 'help: pass it behind a pointer, or add a field']);
      }
    };

    const visit = (t: HirType, env: GenericEnv, use: Use, site: string, depth = 0): void => {
      switch (t.kind) {
        case 'primitive':
          if (t.name === 'c_void' && use !== 'pointer') report('IC2203', '`c_void` can only be used behind a pointer', t.span, note(site));
          return;
        case 'unit':
          if (use === 'value') report('IC2204', '`()` has no C layout', t.span, [...note(site), 'help: remove the parameter or field']);
          return;
        case 'never':
          if (use !== 'return') report('IC2203', '`!` can only be a return type', t.span, note(site));
          return;
        case 'param': {
          const bound = env.types.get(t.name);
          if (bound) visit(bound, emptyGenericEnv, use, site, depth);
          return;
        }
        case 'def': {
          const def = program.defs.get(t.def);
          if (!def) return report('IC2001', `cannot find type \`${t.def}\``, t.span, note(site));
          return visitDef(def, t, env, use, site, depth);
        }
        case 'pointer':
          return visitPointee(t.pointee, env, site, depth);
        case 'reference':
          return visitPointee(t.referent, env, site, depth);
        case 'array': {
          const length = arrayLength(evaluator, t, env);
          if (!length.ok) bag.add(length.diagnostic);
          return visit(t.element, env, 'value', site, depth);
        }
        case 'slice':
          return report('IC2203', 'a slice `[T]` has no C layout', t.span, [...note(site), 'help: pass `*const T` and a length']);
        case 'tuple':
          return report('IC2203', 'tuples have no C layout', t.span, [...note(site), 'help: use a `#[repr(C)]` struct']);
        case 'fnPointer':
          if (t.abi !== 'C' && t.abi !== 'system') {
            return report('IC2203', `function pointers with ${t.abi === undefined ? 'the Rust ABI' : `ABI "${t.abi}"`} cannot be called from C`, t.span, [...note(site), 'help: write `extern "C" fn(…)`']);
          }
          t.params.forEach((p, i) => visit(p.type, env, 'value', `parameter ${i + 1} of a function pointer in ${site}`, depth));
          return visit(t.returns, env, 'return', site, depth);
        case 'known':
          return visitKnown(t, env, use, site, depth);
        case 'pattern':
          // `lower-pattern-types` turned every well-formed one into a definition.
          return report('IC2207', `\`${t.name}\` needs its element type, e.g. \`${t.name}<u8>\``, t.span, note(site));
        case 'unresolved':
          return report('IC2001', `cannot find type \`${t.text}\` in this crate`, t.span, [...note(site), 'help: interopc reads only this crate\'s source: define the type here (with #[repr(C)]) or use a C type']);
        case 'unsupported':
          return report('IC2203', `${t.what} has no C equivalent`, t.span, note(site));
      }
    };

    const visitPointee = (t: HirType, env: GenericEnv, site: string, depth: number): void => {
      if (t.kind === 'known' && t.name === 'str') return report('IC2203', '`&str` is a fat pointer with no C equivalent', t.span, [...note(site), 'help: pass `*const c_char` (NUL-terminated)']);
      if (t.kind === 'slice') return report('IC2203', '`&[T]` is a fat pointer with no C equivalent', t.span, [...note(site), 'help: pass `*const T` and a length']);
      if (t.kind === 'unsupported') return report('IC2203', `a pointer to ${t.what} is a fat pointer with no C equivalent`, t.span, note(site));
      visit(t, env, 'pointer', site, depth);
    };

    const visitKnown = (t: Extract<HirType, { kind: 'known' }>, env: GenericEnv, use: Use, site: string, depth: number): void => {
      const inner = t.args.find((a) => a.kind === 'type');
      const innerType = inner?.kind === 'type' ? inner.type : undefined;
      switch (t.name) {
        case 'Option': {
          const resolved = innerType ? unalias(substitute(innerType, env), program) : undefined;
          if (resolved && (resolved.kind === 'reference' || resolved.kind === 'fnPointer' || (resolved.kind === 'known' && (resolved.name === 'NonNull' || resolved.name === 'NonZero' || resolved.name === 'Box')))) {
            return visit(resolved, emptyGenericEnv, use, site, depth);
          }
          return report('IC2203', '`Option<T>` has a C layout only for references, `Box`, `NonNull`, `NonZero` integers and function pointers', t.span, [...note(site), 'help: pass a nullable pointer, or a `#[repr(C)]` struct with an `is_some` flag']);
        }
        case 'NonZero': {
          const resolved = innerType ? unalias(substitute(innerType, env), program) : undefined;
          if (resolved?.kind === 'primitive' && integerPrimitives.has(resolved.name)) return;
          return report('IC2203', '`NonZero<T>` has a C layout only for integers', t.span, note(site));
        }
        case 'NonNull':
        // `Box<T>` of a sized `T` is a non-null `T *` owned by whoever holds it (std's documented FFI form).
        case 'Box':
          if (innerType) visitPointee(innerType, env, site, depth);
          return;
        case 'ManuallyDrop':
        case 'MaybeUninit':
        case 'Cell':
        case 'UnsafeCell':
        case 'Pin':
          if (innerType) visit(innerType, env, use, site, depth);
          return;
        case 'PhantomData':
        case 'PhantomPinned':
          if (use !== 'pointer') report('IC2204', `\`${t.name}\` is zero-sized and has no C layout`, t.span, note(site));
          return;
        case 'u128':
        case 'i128':
          return report('IC2203', `\`${t.name}\` has no stable C equivalent`, t.span, [...note(site), 'help: split it into two `u64`s']);
        case 'str':
          return report('IC2203', '`str` has no C equivalent', t.span, [...note(site), 'help: pass `*const c_char` (NUL-terminated)']);
        default:
          return report('IC2202', `\`${t.name}\` from the Rust standard library cannot cross the FFI boundary`, t.span, [...note(site), `help: ${stdHints[t.name] ?? 'use a C type'}`]);
      }
    };

    let guards = 0;
    for (const id of program.roots.functions) {
      const fn = program.defs.get(id);
      if (fn?.kind !== 'fn') continue;
      if (hasAttribute(fn.attrs, 'ffi_api_guard')) {
        guards++;
        const returnsU64 = fn.returns.kind === 'primitive' && fn.returns.name === 'u64';
        if (!returnsU64 || fn.params.length > 0) {
          report('IC2216', `the API guard \`${fn.name}\` must take nothing and return \`u64\``, fn.nameSpan, ['help: `pub fn api_guard() -> u64 { API_HASH }`, with `API_HASH` from the file interopc writes']);
        } else if (guards > 1) report('IC2216', `a second API guard \`${fn.name}\``, fn.nameSpan, ['help: a library has one API guard']);
      }
      for (const p of fn.params) visit(p.type, emptyGenericEnv, 'value', `\`${id}\` (parameter \`${p.name}\`)`);
      visit(fn.returns, emptyGenericEnv, 'return', `\`${id}\` (return type)`);
    }
    for (const id of program.roots.types) {
      const def = program.defs.get(id);
      if (def) visit({ kind: 'def', def: id, args: [], span: def.nameSpan }, emptyGenericEnv, 'value', `\`include\` of \`${id}\``);
    }
    return finish(program, bag.all, ctx);
  },
};

/** The note every problem carries, built only when there is a problem. */
const note = (site: string): string[] => [`note: required by ${site}`];

function countParams(def: { generics: readonly { kind: string }[] }): number {
  return def.generics.filter((g) => g.kind !== 'lifetime').length;
}
