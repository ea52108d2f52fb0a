/**
 * Where the delegate passed to a callback parameter lives while Rust may call it. `dotnet`: an
 * `InteropCallbackSlot` field holding the user's delegate and its exception-catching wrapper (a
 * closure), reused while the same delegate is passed again. `unity`: IL2CPP can only call back
 * into static methods marked `[AOT.MonoPInvokeCallback]`, so each parameter gets a static field for
 * the user's delegate and a static trampoline reading it. Trampolines are static, so in `unity` a
 * service's callback parameter is shared by all its instances (the last delegate passed wins).
 */
import type { TypeRef } from '../../compiler/ir.js';
import { block, withLeading } from './print.js';
import type { Doc } from '../doc.js';
import type { CsTypes } from './types.js';

export type Flavor = 'dotnet' | 'unity';

export class Slots {
  private readonly declared = new Map<string, Doc>();

  constructor(
    private readonly types: CsTypes,
    private readonly flavor: Flavor,
  ) {}

  /** Declarations of every slot bound so far, in order. */
  members(): Doc[] {
    return [...this.declared.values()];
  }

  /**
   * The expression giving the native delegate for the user's delegate in `user`, keeping it alive.
   * `field` is the slot's name (`s_callbackCb`, `_applyCallback`); `isStatic` for free functions.
   */
  bind(field: string, delegate: string, type: TypeRef, isStatic: boolean): (user: string) => string {
    if (this.flavor === 'unity') return this.unity(field.startsWith('s_') ? field : `s${field}`, delegate, type);
    if (!this.declared.has(field)) {
      this.declared.set(field, `private ${isStatic ? 'static ' : ''}readonly InteropCallbackSlot<${delegate}> ${field} = new InteropCallbackSlot<${delegate}>();`);
    }
    return (user) => `${field}.Native(${user}) ?? ${field}.Keep(${user}, InteropCallbacks.Guard(${user}))`;
  }

  private unity(field: string, delegate: string, type: TypeRef): (user: string) => string {
    const trampoline = `${field}Trampoline`;
    const method = `${field.replace(/^s_/, '').replace(/^./, (c) => c.toUpperCase())}Trampoline`;
    if (!this.declared.has(field)) {
      const signature = this.types.callbackSignature(type);
      const params = (signature?.params ?? []).map((p, i) => `${this.types.raw(p.type, 'param')} a${i}`);
      const args = (signature?.params ?? []).map((_, i) => `a${i}`).join(', ');
      const returns = signature ? this.types.raw(signature.returns, 'return') : 'void';
      const isVoid = returns === 'void';
      this.declared.set(
        field,
        withLeading(
          [`private static ${delegate} ${field};`, `private static readonly ${delegate} ${trampoline} = ${method};`, '', `[AOT.MonoPInvokeCallback(typeof(${delegate}))]`],
          block(`private static ${returns} ${method}(${params.join(', ')})`, [
            block('try', [isVoid ? `${field}(${args});` : `return ${field}(${args});`]),
            block('catch (Exception e)', ['InteropCallbacks.Capture(e);', ...(isVoid ? [] : [`return default(${returns});`])]),
          ]),
        ),
      );
    }
    return (user) => `InteropCallbacks.Bind(ref ${field}, ${user}, ${trampoline})`;
  }
}

/** Unity's IL2CPP marker, declared for every compiler but Unity's (which has its own). */
export const monoPInvokeCallbackAttribute: readonly string[] = [
  '#if !UNITY_5_3_OR_NEWER',
  'namespace AOT',
  '{',
  '    /// <summary>Marks a static method IL2CPP must compile as a native callback; Unity declares its own.</summary>',
  '    [AttributeUsage(AttributeTargets.Method)]',
  '    public sealed class MonoPInvokeCallbackAttribute : Attribute',
  '    {',
  '        public MonoPInvokeCallbackAttribute(Type type) { }',
  '    }',
  '}',
  '#endif',
];
