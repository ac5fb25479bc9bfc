using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// The payoff distribution as a histogram for charts: <see cref="Bins"/> equal bins between the
/// 0.5th and 99.5th percentiles (the tails beyond are counted in the first and last bin).
/// </summary>
/// <param name="EdgesUsd">Bin edges in US dollars, ascending; one more than <see cref="Counts"/>.</param>
/// <param name="Counts">Paths per bin.</param>
public sealed record PayoffHistogram(ValueList<double> EdgesUsd, ValueList<int> Counts)
{
    /// <summary>Number of bins.</summary>
    public const int Bins = 40;

    /// <summary>Bins <paramref name="sorted"/> (payoffs in ascending order).</summary>
    internal static PayoffHistogram OfSorted(double[] sorted)
    {
        var low = sorted[(int)((sorted.Length - 1) * 0.005)];
        var high = sorted[(int)((sorted.Length - 1) * 0.995)];
        if (high <= low)
        {
            high = low + Math.Max(1, Math.Abs(low) * 1e-6);
        }
        var width = (high - low) / Bins;
        var counts = new int[Bins];
        foreach (var payoff in sorted)
        {
            counts[Math.Clamp((int)((payoff - low) / width), 0, Bins - 1)]++;
        }
        return new PayoffHistogram(Enumerable.Range(0, Bins + 1).Select(i => low + (i * width)).ToValueList(), counts.ToValueList());
    }
}
