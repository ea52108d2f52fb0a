// Services: factories per constructor, every method, errors, and Dispose destroying exactly once.
using System;
using Reference;

static class Services
{
    public static void Run()
    {
        using (var s = ServiceBasic.NewWith(40))
        {
            Check.Equal(42u, s.MethodU32(2), "method_u32");
            Check.Equal(20u, s.Half(), "half (Result<u32>)");
            s.AddAll(new uint[] { 1 });
            Check.Equal(41u, s.CheckedValue(), "add_all(array) and checked_value");
            Check.Throws<InteropException>(() => s.Half(), "half of an odd value throws");
            s.AddAll((ReadOnlySpan<uint>)new uint[] { 1, 2 });
            Check.Equal(44u, s.CheckedValue(), "add_all(span)");
            var empty = Check.Throws<InteropException>(() => s.AddAll(new uint[0]), "add_all(empty) throws");
            if (empty != null) Check.Equal(FFIError.Fail, empty.Error, "add_all(empty) carries Fail");
            Check.Equal(0u, s.NameLength(), "name_length without a name");
            var bytes = new byte[3];
            s.Fill(bytes);
            Check.Equal("44,44,44", string.Join(",", bytes), "fill writes the array");
            Check.Equal(3, s.Buffer().Length, "buffer: a slice owned by the service");
            Check.Equal((byte)44, s.Buffer()[2], "buffer contents");
            var panic = Check.Throws<InteropException>(() => s.PanicsWithError(), "panics_with_error throws");
            if (panic != null) Check.Equal(FFIError.Panic, panic.Error, "panics_with_error carries Panic");
            Check.Equal(0u, s.PanicsWithDefault(), "panics_with_default returns 0");
            Check.Equal("", s.Name(), "name without a name");
            uint add = 6;
            s.AddRef(ref add);
            Check.Equal(50u, s.CheckedValue(), "add_ref");
            Check.Equal(100u, s.Apply(v => v * 2), "apply");
            Check.Equal(50u, s.Apply(null), "apply(null)");
            Check.Equal(5u, s.CallStored(5), "call_stored without a callback");
            s.StoreCallback(v => v + 1000);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Check.Equal(1005u, s.CallStored(5), "call_stored calls the stored delegate (kept alive)");
            Check.True(s.Handle != IntPtr.Zero, "a live handle");
        }
        using (var s = ServiceBasic.NewWithout())
        {
            Check.Equal(1u, s.MethodU32(1), "new_without starts at zero");
        }
        using (var s = ServiceBasic.NewWithString("grüße"))
        {
            Check.Equal(7u, s.NameLength(), "new_with_string");
            Check.Equal("grüße", s.Name(), "name (string owned by the service)");
        }
        var nul = Check.Throws<InteropException>(() => ServiceBasic.NewWithString(null), "new_with_string(null) throws");
        if (nul != null) Check.Equal(FFIError.Null, nul.Error, "new_with_string(null) carries Null");
        var failing = Check.Throws<InteropException>(() => ServiceBasic.NewFailing(1), "new_failing throws");
        if (failing != null) Check.Equal(FFIError.Fail, failing.Error, "new_failing carries Fail");

        var disposed = ServiceBasic.NewWith(1);
        disposed.Dispose();
        Check.Equal(IntPtr.Zero, disposed.Handle, "Dispose nulls the handle");
        disposed.Dispose();
        Check.Throws<ObjectDisposedException>(() => disposed.MethodU32(1), "a call after Dispose throws");
        Check.Throws<ObjectDisposedException>(() => disposed.Apply(v => v), "a callback method after Dispose throws");
        // That failed call ended (a `finally`): a stored callback's exception with no call waiting
        // goes to Unhandled, not to the next call that happens to run.
        using (var s = ServiceBasic.NewWith(1))
        {
            Exception unhandled = null;
            Action<Exception> handler = e => unhandled = e;
            InteropCallbacks.Unhandled += handler;
            s.StoreCallback(v => { throw new InvalidOperationException("stored"); });
            Check.Equal(0u, s.CallStored(1), "a throwing stored callback gives Rust 0");
            InteropCallbacks.Unhandled -= handler;
            Check.Equal("stored", unhandled == null ? null : unhandled.Message, "Unhandled got the stored callback's exception");
            Check.Equal((byte)2, Interop.Callback(x => (byte)(x + 1), 1), "the next call does not rethrow it");
        }
        var handle = IntPtr.Zero;
        Check.Equal(FFIError.Null, Interop.Raw.service_basic_destroy(ref handle), "the raw destructor refuses null");

        // The lifetime service borrows the array: it stays pinned until Dispose.
        using (var s = ServiceLifetime.NewWith(new byte[] { 1, 2, 3 }))
        {
            GC.Collect();
            Check.Equal(6ul, s.Sum(), "service_lifetime sum of the borrowed bytes");
        }
        // Finalizers destroy what nobody disposed (once): run them and survive.
        for (var i = 0; i < 100; i++) ServiceBasic.NewWith((uint)i);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Check.True(true, "finalizers ran");
    }
}
