// Strings both ways: AsciiPointer and plain C strings as `string`, UTF-8 included.
using System;
using System.Runtime.InteropServices;
using Reference;

static class Strings
{
    public static unsafe void Run()
    {
        Check.Equal(11u, Interop.PatternAsciiPointer1("hello world"), "pattern_ascii_pointer_1");
        Check.Equal(7u, Interop.PatternAsciiPointer1("grüße"), "pattern_ascii_pointer_1 counts UTF-8 bytes");
        Check.Equal(0u, Interop.PatternAsciiPointer1(null), "pattern_ascii_pointer_1(null)");
        Check.Equal("pattern string", Interop.PatternAsciiPointer2(), "pattern_ascii_pointer_2");
        var text = Marshal.StringToHGlobalAnsi("four");
        try
        {
            Check.Equal(4u, Interop.PatternAsciiPointer3(new UseAsciiStringPattern { AsciiString = text }), "pattern_ascii_pointer_3");
        }
        finally
        {
            Marshal.FreeHGlobal(text);
        }
        Check.Equal(6u, Interop.PatternAsciiPointer4(new[] { "a", "bc", "def" }), "pattern_ascii_pointer_4");
        Check.Equal(0u, Interop.PatternAsciiPointer4(new string[0]), "pattern_ascii_pointer_4(empty)");
        Check.Equal(5u, Interop.StringLength("hello"), "string_length");
        Check.Equal(0u, Interop.StringLength(null), "string_length(null)");
        Check.Equal("hello from rust", Interop.StaticString(), "static_string");
        var buffer = stackalloc byte[16];
        Check.Equal(5ul, Interop.WriteCString((IntPtr)buffer, 16), "write_c_string");
        Check.Equal("hello", Marshal.PtrToStringAnsi((IntPtr)buffer), "write_c_string writes");
        Check.Equal(0ul, Interop.WriteCString((IntPtr)buffer, 2), "write_c_string too small");
        Interop.PatternErrorFrom("123");
        var failed = Check.Throws<InteropException>(() => Interop.PatternErrorFrom("12x"), "pattern_error_from throws");
        if (failed != null) Check.Equal(FFIError.Fail, failed.Error, "pattern_error_from carries Fail");
        Check.Equal(FFIError.Null, Interop.Raw.pattern_error_from(IntPtr.Zero), "raw pattern_error_from(null)");
    }
}
