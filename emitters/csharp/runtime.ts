/**
 * The support classes every generated file carries: UTF-8 strings in and out, callback slots that
 * keep delegates alive and catch their exceptions, the exceptions error enums become, and the API
 * guard. They are written out per file (no runtime assembly to ship), `internal` where users never
 * need them.
 */
import type { IrEnum, TypeRef } from '../../compiler/ir.js';
import { concat, type Doc } from '../doc.js';
import { block, withLeading } from './print.js';
import { csString, typeName } from './names.js';
import type { CsTypes } from './types.js';

/** `InteropException` when the crate has one error enum; `<Enum>Exception` for each when it has several. */
export function exceptionNamer(errors: readonly IrEnum[]): (enumName: string) => string {
  return errors.length === 1 ? () => 'InteropException' : (name) => `${typeName(name)}Exception`;
}

export function exceptionClass(e: IrEnum, name: string): Doc {
  const type = typeName(e.name);
  return withLeading(
    [`/// <summary>Thrown when a function returns a <see cref="${type}"/> other than <c>${e.pattern?.success ?? 'Ok'}</c>; the raw call in <c>Raw</c> returns the code instead.</summary>`],
    block(`public sealed class ${name} : Exception`, [
      `/// <summary>The error code the library returned.</summary>`,
      `public readonly ${type} Error;`,
      '',
      block(`public ${name}(${type} error) : base("${type}." + error + " (" + error.ToString("D") + ")")`, ['Error = error;']),
    ]),
  );
}

export const utf8Classes: readonly Doc[] = [
  block('internal static unsafe class InteropUtf8', [
    '/// <summary>NUL-terminated UTF-8 of <paramref name="text"/>, or null for null.</summary>',
    block('internal static byte[] Encode(string text)', [
      'if (text == null) return null;',
      'var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];',
      'Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);',
      'return bytes;',
    ]),
    '',
    '/// <summary>The string a NUL-terminated UTF-8 pointer holds, or null for null.</summary>',
    block('internal static string Decode(IntPtr pointer)', [
      'if (pointer == IntPtr.Zero) return null;',
      'var bytes = (byte*)pointer;',
      'var length = 0;',
      'while (bytes[length] != 0) length++;',
      'return Encoding.UTF8.GetString(bytes, length);',
    ]),
  ]),
  '',
  '/// <summary>Strings as an unmanaged array of NUL-terminated UTF-8 pointers, freed on dispose.</summary>',
  block('internal sealed class InteropUtf8Array : IDisposable', [
    'internal readonly IntPtr Pointer;',
    'internal readonly int Length;',
    '',
    block('internal InteropUtf8Array(string[] items)', [
      'Length = items == null ? 0 : items.Length;',
      'if (Length == 0) return;',
      'Pointer = Marshal.AllocHGlobal(IntPtr.Size * Length);',
      block('for (var i = 0; i < Length; i++)', [
        'var bytes = InteropUtf8.Encode(items[i]);',
        'var item = IntPtr.Zero;',
        block('if (bytes != null)', ['item = Marshal.AllocHGlobal(bytes.Length);', 'Marshal.Copy(bytes, 0, item, bytes.Length);']),
        'Marshal.WriteIntPtr(Pointer, i * IntPtr.Size, item);',
      ]),
    ]),
    '',
    block('public void Dispose()', [
      'if (Pointer == IntPtr.Zero) return;',
      'for (var i = 0; i < Length; i++) Marshal.FreeHGlobal(Marshal.ReadIntPtr(Pointer, i * IntPtr.Size));',
      'Marshal.FreeHGlobal(Pointer);',
    ]),
  ]),
];

/**
 * Keeps the delegate last passed for one callback parameter alive, with its exception-catching
 * wrapper: Rust may call it until the next call that replaces it (a stored or thread callback),
 * so the collector must not take it. Passing the same delegate again reuses the wrapper (and the
 * native thunk the marshaller made for it), so a hot loop allocates nothing.
 */
export const callbackSlotClass: Doc = withLeading(
  ['/// <summary>Keeps the last delegate passed for one callback parameter (and its wrapper) alive.</summary>'],
  block('public sealed class InteropCallbackSlot<D> where D : class', [
    block('private sealed class Pair', ['public readonly D User, Native;', 'public Pair(D user, D native) { User = user; Native = native; }']),
    '',
    '// One reference, replaced whole: a reader never sees one call\'s delegate with another\'s wrapper.',
    'private Pair _current;',
    '',
    '/// <summary>The wrapper kept for <paramref name="user"/>, or null when another delegate is kept.</summary>',
    '[MethodImpl(MethodImplOptions.AggressiveInlining)]',
    block('public D Native(D user)', ['var pair = _current;', 'return pair != null && ReferenceEquals(pair.User, user) ? pair.Native : null;']),
    '',
    '/// <summary>Keeps <paramref name="user"/> and its wrapper alive until the next <c>Keep</c>.</summary>',
    block('public D Keep(D user, D native)', ['_current = new Pair(user, native);', 'return native;']),
  ]),
);

/**
 * Wrappers that catch what a callback throws, so no exception unwinds through Rust frames: the
 * exception is held per thread and rethrown by the wrapper of the call that invoked the callback.
 * A callback Rust calls later from its own thread has no such call: its exception goes to
 * `InteropCallbacks.Unhandled` (or is dropped when nobody listens) and it returns `default`.
 */
export function callbacksClass(types: CsTypes, delegates: readonly { name: string; type: TypeRef }[], closures: boolean): Doc {
  const guards: Doc[] = [];
  // Unity's static trampolines catch exceptions themselves: no closures to build there.
  for (const d of closures ? delegates : []) {
    const signature = types.callbackSignature(d.type);
    if (!signature) continue;
    const params = signature.params.map((p, i) => `${types.raw(p.type, 'param')} a${i}`);
    const args = signature.params.map((_, i) => `a${i}`).join(', ');
    const returns = types.raw(signature.returns, 'return');
    const isVoid = returns === 'void';
    guards.push(
      '',
      block(`internal static ${d.name} Guard(${d.name} callback)`, [
        'if (callback == null) return null;',
        concat(
          block(`return (${params.join(', ')}) =>`, [
            block('try', [isVoid ? `callback(${args});` : `return callback(${args});`]),
            block('catch (Exception e)', ['Capture(e);', ...(isVoid ? [] : [`return default(${returns});`])]),
          ]),
          ';',
        ),
      ]),
    );
  }
  return withLeading(
    [
      '/// <summary>',
      '/// Exceptions thrown inside callbacks, carried past the Rust frames to the caller. A callback Rust',
      '/// invokes from a thread it spawned runs on that thread (the runtime attaches it); its exception',
      '/// goes to <see cref="Unhandled"/>, and the delegate stays alive until the next call replaces it.',
      '/// </summary>',
    ],
    block('public static class InteropCallbacks', [
      '/// <summary>Called with exceptions of callbacks no call is waiting for (Rust invoked them from its own thread).</summary>',
      'public static event Action<Exception> Unhandled;',
      '',
      '[ThreadStatic] private static Exception _pending;',
      '[ThreadStatic] private static int _depth;',
      '',
      'internal static void Capture(Exception e)',
      '{',
      '    if (_depth > 0) { if (_pending == null) _pending = e; return; }',
      '    var handler = Unhandled;',
      '    // Not even a failing handler may unwind into the Rust thread that called back.',
      '    try',
      '    {',
      '        if (handler != null) handler(e);',
      '        else Console.Error.WriteLine("A callback threw and no call was waiting for it (subscribe to InteropCallbacks.Unhandled): " + e);',
      '    }',
      '    catch (Exception) { }',
      '}',
      '',
      '/// <summary>Marks a call with callbacks as running on this thread.</summary>',
      '[MethodImpl(MethodImplOptions.AggressiveInlining)]',
      'internal static void Enter() { _depth++; }',
      '',
      '/// <summary>Keeps <paramref name="user"/> in a static slot its trampoline reads (flavor unity).</summary>',
      'internal static D Bind<D>(ref D slot, D user, D trampoline) where D : class',
      '{',
      '    slot = user;',
      '    return user == null ? null : trampoline;',
      '}',
      '',
      '/// <summary>After the native call returned: rethrows the first exception its callbacks threw.</summary>',
      'internal static void RethrowPending()',
      '{',
      '    var e = _pending;',
      '    if (e == null) return;',
      '    _pending = null;',
      '    ExceptionDispatchInfo.Capture(e).Throw();',
      '}',
      '',
      '/// <summary>Ends the call, in a <c>finally</c>: a call that failed leaves nothing pending behind it.</summary>',
      '[MethodImpl(MethodImplOptions.AggressiveInlining)]',
      'internal static void Leave()',
      '{',
      '    if (--_depth == 0) _pending = null;',
      '}',
      ...guards,
    ]),
  );
}

/** Checks the library's API hash once, from the static constructors of `Interop` and `Raw`. */
export function apiGuardClass(library: string, guardSymbol: string, hashConst: string, libraryConst: string): Doc {
  return block('internal static class InteropApiGuard', [
    `[DllImport(${libraryConst}, CallingConvention = CallingConvention.Cdecl, EntryPoint = ${csString(guardSymbol)})]`,
    'private static extern ulong Hash();',
    '',
    block('internal static void Check()', [
      'var actual = Hash();',
      `if (actual != ${hashConst})`,
      `    throw new InvalidOperationException(string.Format("the library ${library} has API hash 0x{0:x16} but these bindings were generated for 0x{1:x16}: regenerate the bindings or rebuild the library", actual, ${hashConst}));`,
    ]),
  ]);
}
