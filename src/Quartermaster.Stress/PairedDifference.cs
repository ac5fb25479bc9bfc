namespace Quartermaster.Stress;

/// <summary>The path-by-path difference B - A of one payoff line between two books run on common random numbers.</summary>
/// <param name="MeanUsd">Mean over paths of payoff(B) - payoff(A); positive says B pays more.</param>
/// <param name="StandardErrorUsd">Standard error of that mean, from the paired differences.</param>
/// <param name="Ci95LowUsd">Lower end of its 95% confidence interval (mean - 1.96 standard errors).</param>
/// <param name="Ci95HighUsd">Upper end of its 95% confidence interval.</param>
/// <param name="ProbabilityBBetter">Fraction of paths where B's payoff is strictly greater than A's.</param>
public sealed record PairedDifference(double MeanUsd, double StandardErrorUsd, double Ci95LowUsd, double Ci95HighUsd, double ProbabilityBBetter);
