// ns per call: the generated bindings (Reference.Interop) beside a hand-written DllImport of the
// same functions, in one run on one runtime. Usage: mono calls.exe; prints one JSON object
// {case: [generated_ns, handwritten_ns]} on its last line.
using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Reference;

/// <summary>What a careful C# developer writes by hand for the same calls.</summary>
static unsafe class Hand
{
    const string Lib = "reference";

    [StructLayout(LayoutKind.Sequential)] public struct Tupled { public byte _0; }
    [StructLayout(LayoutKind.Sequential)] public struct Vec3f32 { public float X, Y, Z; }
    [StructLayout(LayoutKind.Sequential)] public struct Inner { public short V; }
    [StructLayout(LayoutKind.Sequential)] public struct OptionInner { public Inner T; public byte IsSome; }
    [StructLayout(LayoutKind.Sequential)] public struct SliceVec3f32 { public Vec3f32* Data; public ulong Len; }
    [StructLayout(LayoutKind.Sequential)] public struct SliceU8 { public byte* Data; public ulong Len; }
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate byte U8ToU8(byte x);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate byte SliceToU8(SliceU8 s);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern void primitive_void();
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern uint primitive_u32(uint x);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern long many_args_5(long a, long b, long c, long d, long e);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern IntPtr ptr(ref long x);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern Tupled tupled(Tupled x);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern int complex_args_1(Vec3f32 a, ref Tupled b);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern byte callback(U8ToU8 cb, byte value);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern OptionInner pattern_ffi_option_1(OptionInner x);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern Vec3f32 pattern_ffi_slice_2(SliceVec3f32 s, int i);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern byte pattern_ffi_slice_delegate(SliceToU8 cb);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern uint pattern_ascii_pointer_1(string s);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern int service_basic_new_with(ref IntPtr handle, uint value);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern uint service_basic_method_u32(IntPtr self, uint x);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern int service_basic_destroy(ref IntPtr handle);

    public static Vec3f32 Slice2(Vec3f32[] items, int i)
    {
        fixed (Vec3f32* p = items) return pattern_ffi_slice_2(new SliceVec3f32 { Data = p, Len = (ulong)items.Length }, i);
    }
}

static unsafe class Calls
{
    const int N = 100000;

    // One loop per case and side, each its own method: the JIT compiles it after warm-up (so no
    // class-initialisation checks are left in either), and neither side pays a delegate call.
    static long GVoid() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PrimitiveVoid(); return t.ElapsedTicks; }
    static long HVoid() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.primitive_void(); return t.ElapsedTicks; }
    static long GU32() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PrimitiveU32(0); return t.ElapsedTicks; }
    static long HU32() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.primitive_u32(0); return t.ElapsedTicks; }
    static long GMany() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.ManyArgs5(0, 0, 0, 0, 0); return t.ElapsedTicks; }
    static long HMany() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.many_args_5(0, 0, 0, 0, 0); return t.ElapsedTicks; }
    static long GPtr() { long x = 1; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.Ptr(ref x); return t.ElapsedTicks; }
    static long HPtr() { long x = 1; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.ptr(ref x); return t.ElapsedTicks; }
    static long GTupled() { var x = new Tupled { _0 = 1 }; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.Tupled(x); return t.ElapsedTicks; }
    static long HTupled() { var x = new Hand.Tupled { _0 = 1 }; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.tupled(x); return t.ElapsedTicks; }
    static long GComplex() { var v = new Vec3f32(); var b = new Tupled(); var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.ComplexArgs1(v, ref b); return t.ElapsedTicks; }
    static long HComplex() { var v = new Hand.Vec3f32(); var b = new Hand.Tupled(); var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) if (Hand.complex_args_1(v, ref b) != 0) throw new Exception(); return t.ElapsedTicks; }
    static readonly CallbackU8 GIdentity = x => x;
    static readonly Hand.U8ToU8 HIdentity = x => x;
    static long GCallback() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.Callback(GIdentity, 0); return t.ElapsedTicks; }
    static long HCallback() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.callback(HIdentity, 0); return t.ElapsedTicks; }
    static long GOption() { Inner? x = new Inner { V = 1 }; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PatternFfiOption1(x); return t.ElapsedTicks; }
    static long HOption() { var x = new Hand.OptionInner { T = new Hand.Inner { V = 1 }, IsSome = 1 }; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.pattern_ffi_option_1(x); return t.ElapsedTicks; }
    static readonly Vec3f32[] GShort = new Vec3f32[10], GLong = new Vec3f32[100000];
    static readonly Hand.Vec3f32[] HShort = new Hand.Vec3f32[10], HLong = new Hand.Vec3f32[100000];
    static long GSliceShort() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PatternFfiSlice2(GShort, 5); return t.ElapsedTicks; }
    static long HSliceShort() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.Slice2(HShort, 5); return t.ElapsedTicks; }
    static long GSliceLong() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PatternFfiSlice2(GLong, 5); return t.ElapsedTicks; }
    static long HSliceLong() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.Slice2(HLong, 5); return t.ElapsedTicks; }
    static long GSliceSpan() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PatternFfiSlice2(new ReadOnlySpan<Vec3f32>(GLong), 5); return t.ElapsedTicks; }
    static readonly CallbackFFISlice GSliceCb = s => 0;
    static readonly Hand.SliceToU8 HSliceCb = s => 0;
    static long GSliceDelegate() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PatternFfiSliceDelegate(GSliceCb); return t.ElapsedTicks; }
    static long HSliceDelegate() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.pattern_ffi_slice_delegate(HSliceCb); return t.ElapsedTicks; }
    static long GAscii() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Interop.PatternAsciiPointer1("hello world"); return t.ElapsedTicks; }
    static long HAscii() { var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.pattern_ascii_pointer_1("hello world"); return t.ElapsedTicks; }
    static ServiceBasic service;
    static IntPtr handle;
    static long GService() { var s = service; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) s.MethodU32(2); return t.ElapsedTicks; }
    static long HService() { var h = handle; var t = Stopwatch.StartNew(); for (var i = 0; i < N; i++) Hand.service_basic_method_u32(h, 2); return t.ElapsedTicks; }

    static readonly string[] Names =
    {
        "primitive_void()", "primitive_u32(0)", "many_args_5(0 × 5)", "ptr(ref x)", "tupled(t)", "complex_args_1(v, ref t), error checked",
        "callback(x => x, 0)", "pattern_ffi_option_1(x)", "pattern_ffi_slice_2(10 elements)", "pattern_ffi_slice_2(100 000 elements)",
        "pattern_ffi_slice_2(span of 100 000)", "pattern_ffi_slice_delegate(cb)", "pattern_ascii_pointer_1(\"hello world\")", "service.MethodU32(2)",
    };

    static int Main()
    {
        service = ServiceBasic.NewWith(1);
        Hand.service_basic_new_with(ref handle, 1);
        Func<long>[][] cases =
        {
            new Func<long>[] { GVoid, HVoid }, new Func<long>[] { GU32, HU32 }, new Func<long>[] { GMany, HMany }, new Func<long>[] { GPtr, HPtr },
            new Func<long>[] { GTupled, HTupled }, new Func<long>[] { GComplex, HComplex }, new Func<long>[] { GCallback, HCallback },
            new Func<long>[] { GOption, HOption }, new Func<long>[] { GSliceShort, HSliceShort }, new Func<long>[] { GSliceLong, HSliceLong },
            new Func<long>[] { GSliceSpan, HSliceLong }, new Func<long>[] { GSliceDelegate, HSliceDelegate }, new Func<long>[] { GAscii, HAscii },
            new Func<long>[] { GService, HService },
        };
        // Warm-up: every loop runs once, so each is compiled and every class initialised.
        foreach (var pair in cases) { pair[0](); pair[1](); }
        var best = new double[cases.Length, 2];
        for (var c = 0; c < cases.Length; c++) best[c, 0] = best[c, 1] = double.MaxValue;
        // Rounds alternate the sides, so drift on a busy machine hits both alike.
        for (var round = 0; round < 15; round++)
            for (var c = 0; c < cases.Length; c++)
                for (var side = 0; side < 2; side++)
                {
                    var s = (round % 2 == 0) ? side : 1 - side;
                    var ns = cases[c][s]() * (1e9 / Stopwatch.Frequency) / N;
                    if (ns < best[c, s]) best[c, s] = ns;
                }
        service.Dispose();
        Hand.service_basic_destroy(ref handle);
        var json = new System.Text.StringBuilder("{");
        for (var c = 0; c < cases.Length; c++)
        {
            if (c > 0) json.Append(", ");
            json.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, "\"{0}\": [{1:F1}, {2:F1}]", Names[c].Replace("\"", "\\\""), best[c, 0], best[c, 1]);
        }
        Console.WriteLine(json.Append("}"));
        return 0;
    }
}
