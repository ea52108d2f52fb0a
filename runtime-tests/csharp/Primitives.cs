// Primitives, pointers, references, constants: the calls whose idiomatic API is the DllImport itself.
using System;
using System.Runtime.InteropServices;
using Reference;

static class Primitives
{
    public static unsafe void Run()
    {
        Interop.PrimitiveVoid();
        Interop.PrimitiveVoid2();
        Check.Equal(false, Interop.PrimitiveBool(true), "primitive_bool(true)");
        Check.Equal(true, Interop.PrimitiveBool(false), "primitive_bool(false)");
        Check.Equal((byte)0, Interop.PrimitiveU8(255), "primitive_u8 wraps");
        Check.Equal((ushort)2, Interop.PrimitiveU16(1), "primitive_u16");
        Check.Equal(1u, Interop.PrimitiveU32(0), "primitive_u32");
        Check.Equal(0ul, Interop.PrimitiveU64(ulong.MaxValue), "primitive_u64 wraps");
        Check.Equal((sbyte)-128, Interop.PrimitiveI8(127), "primitive_i8 wraps");
        Check.Equal((short)-4, Interop.PrimitiveI16(-5), "primitive_i16");
        Check.Equal(int.MinValue, Interop.PrimitiveI32(int.MaxValue), "primitive_i32 wraps");
        Check.Equal(long.MinValue + 1, Interop.PrimitiveI64(long.MinValue), "primitive_i64");
        Check.Equal(3.0f, Interop.PrimitiveF32(1.5f), "primitive_f32");
        Check.Equal(-5.0, Interop.PrimitiveF64(-2.5), "primitive_f64");
        Check.Equal(15L, Interop.ManyArgs5(1, 2, 3, 4, 5), "many_args_5");
        Check.Equal(55L, Interop.ManyArgs10(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), "many_args_10");
        Check.Equal((sbyte)'b', Interop.CCharNext((sbyte)'a'), "c_char_next");
        Check.Equal(0u, Interop.MacroPanicsWithDefault(), "macro_panics_with_default returns the default");
        Interop.Sleep(1);

        long value = 7;
        var address = Interop.Ptr(ref value);
        Check.Equal(7L, *(long*)address, "ptr returns its argument");
        Check.Equal(IntPtr.Zero, Interop.Raw.ptr(IntPtr.Zero), "raw ptr(null)");
        long negated = 5;
        Interop.PtrMut(ref negated);
        Check.Equal(-5L, negated, "ptr_mut negates in place");
        long pointee = 11;
        var inner = (IntPtr)(&pointee);
        Check.Equal(11L, Interop.PtrPtr((IntPtr)(&inner)), "ptr_ptr");
        Check.Equal(0L, Interop.PtrPtr(IntPtr.Zero), "ptr_ptr(null)");
        long r = 9;
        Check.Equal(9L, Interop.RefSimple(ref r), "ref_simple");
        Check.Equal(18L, Interop.RefMutSimple(ref r), "ref_mut_simple returns");
        Check.Equal(18L, r, "ref_mut_simple writes");
        Check.True(Interop.RefOption(ref r), "ref_option(Some)");
        Check.Equal(false, Interop.Raw.ref_option(IntPtr.Zero), "ref_option(None)");
        Check.True(Interop.RefMutOption(ref r), "ref_mut_option(Some)");
        Check.Equal(42L, r, "ref_mut_option writes");
        Check.Equal(false, Interop.Raw.ref_mut_option(IntPtr.Zero), "ref_mut_option(None)");
        uint read = 1234;
        Check.Equal(1234u, Interop.UnsafeRead(ref read), "unsafe_read");

        Check.Equal((byte)255, Interop.U8, "const U8");
        Check.Equal(1.17549435e-38f, Interop.F32MinPositive, "const F32_MIN_POSITIVE");
        Check.Equal(715827881, Interop.ComputedI32, "const COMPUTED_I32");
        Check.Equal(16u, Interop.Shifted, "const SHIFTED");
        Check.Equal(-21, Interop.Negative, "const NEGATIVE");
        Check.Equal(true, Interop.Enabled, "const ENABLED");
        Check.Equal("hello", Interop.Greeting, "const GREETING");
        Check.Equal(ulong.MaxValue - 1, Interop.BigU64, "const BIG_U64");
        Check.Equal(long.MinValue, Interop.MinI64, "const MIN_I64");
        Check.Equal(Math.PI, Interop.PiF64, "const PI_F64");
        Check.Equal((ushort)0xff00, Interop.Mask, "const MASK");
        Check.Equal((uint)'A', Interop.Letter, "const LETTER");
        Check.Equal(Interop.ApiHash, Interop.Raw.pattern_api_guard(), "the library's API guard");
    }
}
