using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>Percentiles across paths of one monthly quantity (USD or MW) in one month: one slice of a fan chart.</summary>
/// <param name="Month">The month.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record FanBand(Month Month, double P5, double P25, double P50, double P75, double P95);
