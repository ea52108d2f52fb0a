// Compiled with a generated file whose API hash was changed: the first call must be refused.
using System;
using Reference;

static class GuardMismatch
{
    static int Main()
    {
        try
        {
            Interop.PrimitiveVoid();
        }
        catch (TypeInitializationException e)
        {
            var inner = e.InnerException as InvalidOperationException;
            if (inner == null) return 2;
            Console.WriteLine(inner.Message);
            return 0;
        }
        Console.WriteLine("the call went through");
        return 1;
    }
}
