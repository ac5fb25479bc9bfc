namespace Quartermaster.Books;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose sequence for a seed is fixed
/// forever, unlike System.Random's, so a synthetic book is the same on every machine and .NET version.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max], both included.</summary>
    public int Between(int min, int max) => min + (int)(NextDouble() * (max - min + 1));

    /// <summary>
    /// Uniform in [min, max] rounded to a multiple of <paramref name="step"/>, as the double a book parser
    /// would read from its short decimal form (so 13.7 is 13.7, not 137 * 0.1).
    /// </summary>
    public double Between(double min, double max, double step) =>
        ShortDecimal(Math.Round((min + (NextDouble() * (max - min))) / step) * step);

    /// <summary>The double read back from <paramref name="value"/> printed with at most three decimals.</summary>
    public static double ShortDecimal(double value) =>
        double.Parse(value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
