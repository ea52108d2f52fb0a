// Callbacks: delegates in, a Rust function out, slices into callbacks, exceptions carried past Rust,
// and a callback Rust calls from its own thread after the call returned (the delegate stays alive).
using System;
using System.Threading;
using Reference;

static class Callbacks
{
    public static void Run()
    {
        Check.Equal((byte)5, Interop.Callback(x => (byte)(x + 1), 4), "callback");
        Check.Equal(42u, Interop.CallbackInline(x => x * 2, 21), "callback_inline");
        var seen = IntPtr.Zero;
        Check.Equal(8u, Interop.CallbackWithContext((ctx, v) => { seen = ctx; return v + 1; }, (IntPtr)1234, 7), "callback_with_context");
        Check.Equal((IntPtr)1234, seen, "callback_with_context passes the context back");
        Check.Equal((byte)7, Interop.CallbackOptional(null, 7), "callback_optional(null)");
        Check.Equal((byte)14, Interop.CallbackOptional(x => (byte)(x * 2), 7), "callback_optional");
        Check.Equal((byte)42, Interop.GetDoubler()(21), "get_doubler: a Rust function called from C#");

        var length = 0;
        Check.Equal((byte)9, Interop.PatternFfiSliceDelegate(s => { length = s.AsSpan().Length; return s.AsSpan()[9]; }), "pattern_ffi_slice_delegate");
        Check.Equal(10, length, "pattern_ffi_slice_delegate slice length");
        Check.Equal((byte)0, Interop.PatternFfiSliceDelegate(null), "pattern_ffi_slice_delegate(null)");
        var sum = 0L;
        Interop.PatternFfiSliceDelegateHuge(s => { foreach (var b in s.AsSpan()) sum += b; return (byte)s.Len; });
        var expected = 0L;
        for (var i = 0; i < 100000; i++) expected += i % 251;
        Check.Equal(expected, sum, "pattern_ffi_slice_delegate_huge reads 100 000 elements in place");

        Check.Equal(6u, Interop.PatternCallback1(v => v + 1, 5), "pattern_callback_1");
        Check.Equal(5u, Interop.PatternCallback1(null, 5), "pattern_callback_1(null)");
        var calls = 0;
        Check.True(Interop.PatternCallback2(v => { calls += (int)v; }, 3), "pattern_callback_2");
        Check.Equal(6, calls, "pattern_callback_2 calls twice");
        Check.Equal(false, Interop.PatternCallback2(null, 3), "pattern_callback_2(null)");
        Check.Equal(11u, Interop.PatternCallback3((ctx, v) => (uint)ctx + v, (IntPtr)10, 1), "pattern_callback_3");
        Interop.PatternCallback4(v => FFIError.Ok, 1);
        var error = Check.Throws<InteropException>(() => Interop.PatternCallback4(v => FFIError.Fail, 1), "pattern_callback_4 throws the callback's code");
        if (error != null) Check.Equal(FFIError.Fail, error.Error, "pattern_callback_4 carries Fail");

        // An exception thrown in a callback never unwinds through Rust: it reaches the caller after the call.
        var thrown = Check.Throws<FormatException>(() => Interop.Callback(x => { throw new FormatException("boom"); }, 1), "a callback's exception reaches the caller");
        if (thrown != null) Check.Equal("boom", thrown.Message, "the callback's own exception");
        Check.Equal((byte)2, Interop.Callback(x => (byte)(x + 1), 1), "calls work after a callback threw");

        // Rust calls this one ~10 ms after the call returned, from a thread it spawned.
        using (var done = new ManualResetEvent(false))
        {
            var got = 0u;
            Interop.PatternCallbackThread(v => { got = v; done.Set(); }, 77);
            // The collector must not take the delegate while Rust holds it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Check.True(done.WaitOne(5000), "the thread callback ran");
            Check.Equal(77u, got, "the thread callback got its value");
            Interop.PatternCallbackThreadWait();
        }
        // An exception in a callback nobody waits for goes to InteropCallbacks.Unhandled.
        using (var done = new ManualResetEvent(false))
        {
            Exception unhandled = null;
            Action<Exception> handler = e => { unhandled = e; done.Set(); };
            InteropCallbacks.Unhandled += handler;
            Interop.PatternCallbackThread(v => { throw new InvalidOperationException("late"); }, 1);
            Check.True(done.WaitOne(5000), "the thread callback's exception was reported");
            Interop.PatternCallbackThreadWait();
            InteropCallbacks.Unhandled -= handler;
            Check.Equal("late", unhandled == null ? null : unhandled.Message, "Unhandled got the exception");
        }
    }
}
