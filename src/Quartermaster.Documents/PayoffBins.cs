using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>The payoff distribution binned for a histogram: equal bins between the 0.5th and 99.5th percentiles, tails in the end bins.</summary>
/// <param name="EdgesUsd">Bin edges in US dollars, ascending; one more than <c>counts</c>.</param>
/// <param name="Counts">Paths per bin.</param>
public sealed record PayoffBins(IReadOnlyList<double> EdgesUsd, IReadOnlyList<int> Counts)
{
    /// <summary>The bins of <paramref name="histogram"/>.</summary>
    public static PayoffBins Of(PayoffHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new(histogram.EdgesUsd, histogram.Counts);
    }
}
