using System.Runtime.CompilerServices;

namespace Quartermaster.Core;

/// <summary>
/// The invariants the model's values check when they are built, as NodaTime's types do: a value that exists is
/// valid. The book reader checks the same rules first and reports every breach with file:line:col, so these
/// throw only on a programming error (code that builds a model value without the reader's checks).
/// </summary>
internal static class Preconditions
{
    /// <summary><paramref name="value"/> when it is finite and at least 0.</summary>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "must be a finite number at least 0");

    /// <summary><paramref name="value"/> when it is finite and above 0.</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "must be a finite number above 0");

    /// <summary><paramref name="value"/> when it lies in [0, 1].</summary>
    public static double Fraction(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "must be a fraction from 0 to 1");

    /// <summary><paramref name="value"/> when it is at least <paramref name="minimum"/>.</summary>
    public static int AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= minimum ? value : throw new ArgumentOutOfRangeException(name, value, $"must be at least {minimum}");

    /// <summary><paramref name="end"/> when it is not before <paramref name="start"/>.</summary>
    public static Month NotBefore(Month end, Month start, [CallerArgumentExpression(nameof(end))] string? name = null) =>
        end >= start ? end : throw new ArgumentOutOfRangeException(name, end, $"must not be before {start}");

    /// <summary><paramref name="value"/> when it is neither null nor empty.</summary>
    public static string NotEmpty(string value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException("must not be empty", name) : value;
}
