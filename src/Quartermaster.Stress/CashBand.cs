namespace Quartermaster.Stress;

/// <summary>An amount of cash across paths: its mean and percentiles, in US dollars (negative = cash out).</summary>
/// <param name="MeanUsd">Mean over paths (exact).</param>
/// <param name="P5Usd">5th percentile (from a sketch: within 1.6% of the value).</param>
/// <param name="P50Usd">Median.</param>
/// <param name="P95Usd">95th percentile.</param>
public sealed record CashBand(double MeanUsd, double P5Usd, double P50Usd, double P95Usd);
