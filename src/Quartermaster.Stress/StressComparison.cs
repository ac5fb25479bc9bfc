namespace Quartermaster.Stress;

/// <summary>
/// Two books run on common random numbers (same seed, paths, and per-tenant streams), compared path by path.
/// The difference is B minus A, so a positive mean says B pays more.
/// </summary>
/// <param name="A">The run of the first book.</param>
/// <param name="B">The run of the second book.</param>
/// <param name="MeanDifferenceUsd">Mean over paths of payoff(B) - payoff(A).</param>
/// <param name="StandardErrorUsd">Standard error of that mean, from the paired differences.</param>
/// <param name="Ci95LowUsd">Lower end of its 95% confidence interval.</param>
/// <param name="Ci95HighUsd">Upper end of its 95% confidence interval.</param>
/// <param name="ProbabilityBBetter">Fraction of paths where B's payoff is strictly greater than A's.</param>
public sealed record StressComparison(
    StressResult A,
    StressResult B,
    double MeanDifferenceUsd,
    double StandardErrorUsd,
    double Ci95LowUsd,
    double Ci95HighUsd,
    double ProbabilityBBetter);
