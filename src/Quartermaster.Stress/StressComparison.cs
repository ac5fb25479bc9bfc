namespace Quartermaster.Stress;

/// <summary>
/// Two books run on common random numbers (same seed, paths, and per-tenant streams), compared path by path.
/// Differences are B minus A, so a positive mean says B pays more.
/// </summary>
/// <param name="A">The run of the first book.</param>
/// <param name="B">The run of the second book.</param>
/// <param name="Difference">The paired difference B - A of the operating book, the stakes and the total.</param>
public sealed record StressComparison(StressResult A, StressResult B, PayoffLines<PairedDifference> Difference)
{
    /// <summary>The paired change of mean, P5, VaR95, CVaR95 and P(loss) of each line, with 95% CIs; null when not computed.</summary>
    public PayoffLines<RiskChange>? Risk { get; init; }
}
