using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// When the operating book pays back: the month from which its cumulative undiscounted cash stays at or above 0
/// to the horizon's end. A percentile is null when it lies beyond the horizon (that share of paths or more never pays back).
/// </summary>
/// <param name="ProbabilityWithinHorizon">Fraction of paths that pay back within the horizon.</param>
/// <param name="P5">The month by which 5% of paths have paid back.</param>
/// <param name="P50">The month by which half the paths have paid back.</param>
/// <param name="P95">The month by which 95% of paths have paid back.</param>
public sealed record PaybackDistribution(double ProbabilityWithinHorizon, Month? P5, Month? P50, Month? P95);
