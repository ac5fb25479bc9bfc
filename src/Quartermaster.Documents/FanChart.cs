using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>A fan chart: percentiles across paths of one monthly quantity, one value per month in each series.</summary>
/// <param name="Months">The months, in order.</param>
/// <param name="P5">5th percentile per month.</param>
/// <param name="P25">25th percentile per month.</param>
/// <param name="P50">Median per month.</param>
/// <param name="P75">75th percentile per month.</param>
/// <param name="P95">95th percentile per month.</param>
public sealed record FanChart(
    IReadOnlyList<Month> Months,
    IReadOnlyList<double> P5,
    IReadOnlyList<double> P25,
    IReadOnlyList<double> P50,
    IReadOnlyList<double> P75,
    IReadOnlyList<double> P95)
{
    /// <summary>The fan of <paramref name="bands"/>, one band per month of <paramref name="months"/>.</summary>
    public static FanChart Of(IReadOnlyList<Month> months, IReadOnlyList<FanBand> bands) => new(
        months,
        [.. bands.Select(b => b.P5)],
        [.. bands.Select(b => b.P25)],
        [.. bands.Select(b => b.P50)],
        [.. bands.Select(b => b.P75)],
        [.. bands.Select(b => b.P95)]);
}
