namespace Quartermaster.Stress;

/// <summary>
/// The operating book's internal rate of return across paths, a yearly rate as a fraction (0.12 = 12%/yr), from
/// its cash by calendar year. Percentiles are over the paths where it is defined; null when it is defined on none.
/// </summary>
/// <param name="ProbabilityDefined">
/// Fraction of paths with an IRR: it is undefined where no year pays cash out (nothing to earn a return on), and
/// -100% where no year brings cash in.
/// </param>
/// <param name="P5">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
public sealed record IrrDistribution(double ProbabilityDefined, double? P5, double? P50, double? P95);
