// Structs by value and by reference, unions, arrays, enums, generics, opaque handles.
using System;
using System.Runtime.InteropServices;
using Reference;

static class Types
{
    public static unsafe void Run()
    {
        Check.Equal(14u, Interop.RenamedStruct(new StructRenamed { E = 7 }), "renamed_struct");
        Check.Equal((byte)42, Interop.Tupled(new Tupled { _0 = 21 })._0, "tupled doubles");
        Check.Equal(5u, Interop.TransparentAdd(new Transparent { _0 = 2 }, 3)._0, "transparent_add");
        Check.Equal(14f, Interop.Vec3LengthSquared(new Vec3f32 { X = 1, Y = 2, Z = 3 }), "vec3_length_squared");
        var v = new Vec3f32 { X = 1, Y = -2, Z = 3 };
        var scaled = Interop.Vec3Scale(ref v, 2);
        Check.Equal(-4f, scaled.Y, "vec3_scale");
        Check.Equal(0f, Interop.Raw.vec3_scale(IntPtr.Zero, 2).X, "vec3_scale(null)");

        var array = new Reference.Array();
        for (var i = 0; i < 16; i++) array.Data[i] = (byte)i;
        Check.Equal(120u, Interop.ArraySum(array), "array_sum of a fixed buffer by value");
        Interop.ArrayFill(ref array, 3);
        Check.Equal((byte)3, array.Data[15], "array_fill writes through the reference");

        Check.Equal(7ul, Interop.BoolFieldCheck(new BoolField { A = 4, Flag = true, B = 3 }), "bool_field_check(true)");
        Check.Equal(0ul, Interop.BoolFieldCheck(new BoolField { A = 4, Flag = false, B = 3 }), "bool_field_check(false)");
        var packed = new Packed1 { X = 1, Y = 0x01020304 };
        Check.Equal(0x01020304u, Interop.PackedToUnpacked(ref packed), "packed_to_unpacked by reference");
        var packed2 = new Packed2 { X = 1, Y = 1000, Z = 7 };
        Check.Equal(1008u, Interop.Packed2Sum(ref packed2), "packed2_sum by reference");
        Check.Equal(0u, Interop.Raw.packed2_sum(IntPtr.Zero), "packed2_sum(null)");
        Check.Equal(99u, Interop.AlignedValue(new Aligned16 { Value = 99 }), "aligned_value");

        uint g32 = 40;
        byte g8 = 9;
        Check.Equal(42u, Interop.Generic1a(new Generic_u32 { X = (IntPtr)(&g32) }, new Phantom_u8 { X = 2 }), "generic_1a");
        Check.Equal((byte)9, Interop.Generic1b(new Generic_u8 { X = (IntPtr)(&g8) }), "generic_1b");
        uint ten = 10;
        Check.Equal(30u, Interop.GenericAlias(new Generic_u32 { X = (IntPtr)(&ten) }), "generic_alias (GenericU32 = Generic<u32>)");

        var weird = new Weird2_u8_5 { T = 10 };
        for (var i = 0; i < 5; i++) weird.A[i] = (byte)(i + 1);
        Check.Equal(25u, Interop.Weird2Sum(weird), "weird2_sum");
        Check.Equal(3f, Interop.Ambiguous1(new Vec1 { X = 1, Y = 2 }).Y, "ambiguous_1");
        Check.Equal(8.0, Interop.Ambiguous2(new Vec2 { X = 1, Z = 4 }).Z, "ambiguous_2");
        Check.True(Interop.Ambiguous3(new Vec1 { X = 2 }, new Vec2 { X = 2 }), "ambiguous_3");
        Check.Equal(3.5, Interop.CommonVec(new Vec3 { X = 1, Y = 2.5 }), "common_vec");

        Check.Equal(EnumU8.B, Interop.EnumU8Next(EnumU8.A), "enum_u8_next");
        Check.Equal(EnumU8.A, Interop.EnumU8Next(EnumU8.D), "enum_u8_next wraps");
        Check.Equal(-5, Interop.EnumI32Value(EnumI32.Neg), "enum_i32_value");
        Check.Equal(1000000, Interop.EnumI32Value(EnumI32.Big), "enum_i32_value big");
        Check.Equal(Implicit.First, Interop.ImplicitNext(Implicit.Third), "implicit_next");
        Check.Equal(typeof(byte), Enum.GetUnderlyingType(typeof(EnumU8)), "repr(u8) enum is a byte");

        var p = Interop.PrivateNew(21);
        Check.Equal(21u, p.Visible, "private_new visible");
        Check.Equal(42u, Interop.PrivateHidden(p), "private_hidden keeps the private field");
        Check.True(typeof(Private).GetField("Hidden") == null, "the private field is not public");
        Check.Equal(12, Interop.OuterSum(new Outer { Inner = new Inner { V = 10 }, Count = 2 }), "outer_sum");
        Check.Equal(0x3f800000u, Interop.UnionBits(new IntOrFloat { F = 1.0f }), "union_bits");

        // shape_area and event_next (data enums by value) are left out of the C# file: Mono aborts on them.

        var second = new Node { Value = 2, Next = IntPtr.Zero };
        var first = new Node { Value = 1, Next = (IntPtr)(&second) };
        Check.Equal(3, Interop.ListSum(ref first), "list_sum");
        Check.Equal(0, Interop.Raw.list_sum(IntPtr.Zero), "list_sum(null)");

        var counter = Interop.CounterNew();
        Check.Equal(1ul, Interop.CounterIncrement(counter), "counter_increment");
        Check.Equal(2ul, Interop.CounterIncrement(counter), "counter_increment again");
        Interop.CounterDestroy(counter);
        var opaque = Interop.OpaqueNew(77);
        Check.Equal(77u, Interop.OpaqueGet(opaque), "opaque_get");
        Interop.OpaqueDestroy(opaque);
        var secret = Interop.OpaqueAttributeNew(1234567890123);
        Check.Equal(1234567890123ul, Interop.OpaqueAttributeTake(secret), "opaque_attribute_take");
        Check.Equal(0ul, Interop.OpaqueAttributeTake(IntPtr.Zero), "opaque_attribute_take(null)");
        // packed_by_value is left out of the C# file (contracts.md §7): only the raw pointer forms exist.
        Check.True(typeof(Interop.Raw).GetMethod("packed_by_value") == null, "packed_by_value is left out");
    }
}
