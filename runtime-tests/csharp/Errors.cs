// Options as nullables, Bool as bool, error enums as exceptions (the raw call returns the code).
using System;
using Reference;

static class Errors
{
    public static void Run()
    {
        Check.Equal((short)5, Interop.PatternFfiOption1(new Inner { V = 5 }).Value.V, "pattern_ffi_option_1(Some)");
        Check.Equal(false, Interop.PatternFfiOption1(null).HasValue, "pattern_ffi_option_1(None)");
        Check.Equal((short)-1, Interop.PatternFfiOption2(null).V, "pattern_ffi_option_2(None)");
        Check.Equal((short)3, Interop.PatternFfiOption2(new Inner { V = 3 }).V, "pattern_ffi_option_2(Some)");
        Check.Equal(false, Interop.PatternFfiBool(true), "pattern_ffi_bool(true)");
        Check.Equal(true, Interop.PatternFfiBool(false), "pattern_ffi_bool(false)");

        var panic = Check.Throws<InteropException>(() => Interop.Panics(), "a panic surfaces as an exception");
        if (panic != null) Check.Equal(FFIError.Panic, panic.Error, "panics carries Panic");
        Check.Equal(FFIError.Panic, Interop.Raw.panics(), "raw panics returns the code");
        var macro = Check.Throws<InteropException>(() => Interop.MacroPanicsWithError(), "macro_panics_with_error throws");
        if (macro != null) Check.Equal(FFIError.Panic, macro.Error, "macro_panics_with_error carries Panic");
        var tupled = new Tupled { _0 = 1 };
        Interop.ComplexArgs1(new Vec3f32 { X = 1 }, ref tupled);
        Check.Equal(FFIError.Null, Interop.Raw.complex_args_1(new Vec3f32(), IntPtr.Zero), "complex_args_1(null) is Null");
        Interop.FailsIf(3);
        var fail = Check.Throws<InteropException>(() => Interop.FailsIf(11), "fails_if(11) throws");
        if (fail != null)
        {
            Check.Equal(FFIError.Fail, fail.Error, "fails_if carries Fail");
            Check.Equal("FFIError.Fail (300)", fail.Message, "the exception names the code");
        }
    }
}
