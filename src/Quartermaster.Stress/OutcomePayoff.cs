namespace Quartermaster.Stress;

/// <summary>How one line of the book fares on the paths of one horizon outcome.</summary>
/// <param name="MeanUsd">Mean payoff over those paths, in US dollars.</param>
/// <param name="ProbabilityOfLoss">Fraction of those paths with a payoff below 0.</param>
public sealed record OutcomePayoff(double MeanUsd, double ProbabilityOfLoss);
