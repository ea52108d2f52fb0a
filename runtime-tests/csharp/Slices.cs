// Slices read and written in place: spans, arrays, by reference, returned from Rust.
using System;
using Reference;

static class Slices
{
    public static void Run()
    {
        Check.Equal(6u, Interop.PatternFfiSlice1(new uint[] { 1, 2, 3 }), "pattern_ffi_slice_1(array)");
        Span<uint> stack = stackalloc uint[3];
        stack[0] = 10; stack[1] = 20; stack[2] = 30;
        Check.Equal(60u, Interop.PatternFfiSlice1((ReadOnlySpan<uint>)stack), "pattern_ffi_slice_1(span over stackalloc)");
        Check.Equal(0u, Interop.PatternFfiSlice1((uint[])null), "pattern_ffi_slice_1(null array)");
        Check.Equal(0u, Interop.PatternFfiSlice1(ReadOnlySpan<uint>.Empty), "pattern_ffi_slice_1(empty span)");
        var vectors = new[] { new Vec3f32 { X = 1 }, new Vec3f32 { X = 2, Y = 3 } };
        Check.Equal(3f, Interop.PatternFfiSlice2(vectors, 1).Y, "pattern_ffi_slice_2");
        Check.Equal(0f, Interop.PatternFfiSlice2(new ReadOnlySpan<Vec3f32>(vectors), 5).X, "pattern_ffi_slice_2 out of range");
        var bytes = new byte[5];
        Check.Equal(5ul, Interop.PatternFfiSliceMut1(bytes, 9), "pattern_ffi_slice_mut_1 count");
        Check.Equal((byte)9, bytes[4], "pattern_ffi_slice_mut_1 writes the array in place");
        Span<byte> part = new Span<byte>(bytes, 1, 2);
        Interop.PatternFfiSliceMut1(part, 1);
        Check.Equal("9,1,1,9,9", string.Join(",", bytes), "pattern_ffi_slice_mut_1 writes a span of the array in place");
        Check.Equal(6u, Interop.PatternFfiSlice3(new uint[] { 1, 2, 3 }), "pattern_ffi_slice_3 (slice by reference)");
        Check.Equal(6u, Interop.PatternFfiSlice3(new ReadOnlySpan<uint>(new uint[] { 3, 3 })), "pattern_ffi_slice_3 span");
        var owned = Interop.PatternFfiSlice4();
        Check.Equal(4, owned.Length, "pattern_ffi_slice_4 length");
        Check.Equal((byte)4, owned[3], "pattern_ffi_slice_4 element");
        Check.Equal("1,2,3,4", string.Join(",", Interop.Raw.pattern_ffi_slice_4().ToArray()), "raw slice ToArray");
        Check.Equal(10.0, Interop.PatternFfiSlice5(new[] { new Vec3 { X = 1, Y = 2 }, new Vec3 { X = 3, Y = 4 } }), "pattern_ffi_slice_5");
    }
}
