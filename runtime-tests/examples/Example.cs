// A short tour of the generated C# file (`npm run example`): compiled by mcs with Interop.cs, run by mono.
using System;
using Reference;

static class Example
{
    static int Main()
    {
        Console.WriteLine("PrimitiveU32(41)               = " + Interop.PrimitiveU32(41));
        Console.WriteLine("PatternAsciiPointer1(\"héllo\")  = " + Interop.PatternAsciiPointer1("héllo") + " bytes of UTF-8");
        Console.WriteLine("PatternFfiSlice1({1, 2, 39})   = " + Interop.PatternFfiSlice1(new uint[] { 1, 2, 39 }));
        Console.WriteLine("Callback(x => x + 1, 41)       = " + Interop.Callback(x => (byte)(x + 1), 41));
        try
        {
            Interop.Panics();
        }
        catch (InteropException e)
        {
            Console.WriteLine("Panics() threw                 = " + e.Error);
        }
        using (var service = ServiceBasic.NewWith(40))
        {
            Console.WriteLine("service.MethodU32(2)           = " + service.MethodU32(2));
            Console.WriteLine("service.Half()                 = " + service.Half());
        }
        return 0;
    }
}
