// A tiny assertion helper: every failure is printed and counted; Main's exit code is the verdict.
using System;
using System.Collections.Generic;

static class Check
{
    public static int Checks;
    public static int Failures;
    public static string Section = "";

    public static void Equal<T>(T expected, T actual, string what)
    {
        Checks++;
        if (EqualityComparer<T>.Default.Equals(expected, actual)) return;
        Failures++;
        Console.WriteLine("FAIL [" + Section + "] " + what + ": expected " + expected + ", got " + actual);
    }

    public static void True(bool condition, string what)
    {
        Equal(true, condition, what);
    }

    /// <summary>Runs <paramref name="action"/> and checks that it throws <typeparamref name="E"/>; returns it.</summary>
    public static E Throws<E>(Action action, string what) where E : Exception
    {
        Checks++;
        try
        {
            action();
        }
        catch (E e)
        {
            return e;
        }
        catch (Exception e)
        {
            Failures++;
            Console.WriteLine("FAIL [" + Section + "] " + what + ": expected " + typeof(E).Name + ", got " + e.GetType().Name + ": " + e.Message);
            return null;
        }
        Failures++;
        Console.WriteLine("FAIL [" + Section + "] " + what + ": expected " + typeof(E).Name + ", nothing thrown");
        return null;
    }
}

static class Program
{
    static void Run(string name, Action section)
    {
        Check.Section = name;
        try
        {
            section();
        }
        catch (Exception e)
        {
            Check.Failures++;
            Console.WriteLine("FAIL [" + name + "] threw " + e);
        }
    }

    static int Main()
    {
        Run("primitives", Primitives.Run);
        Run("types", Types.Run);
        Run("strings", Strings.Run);
        Run("slices", Slices.Run);
        Run("options, bools, errors", Errors.Run);
        Run("callbacks", Callbacks.Run);
        Run("services", Services.Run);
        Run("layouts", Layouts.Run);
        Console.WriteLine(Check.Checks + " checks, " + Check.Failures + " failures");
        return Check.Failures == 0 ? 0 : 1;
    }
}
