using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>Percentiles across paths of one quantity in one month, in the quantity's unit.</summary>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record Percentiles(double P5, double P25, double P50, double P75, double P95)
{
    /// <summary>The percentiles of <paramref name="band"/>.</summary>
    public static Percentiles Of(FanBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return new(band.P5, band.P25, band.P50, band.P75, band.P95);
    }
}
