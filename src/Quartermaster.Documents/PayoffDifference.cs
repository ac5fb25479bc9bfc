using System.Text.Json.Serialization;

namespace Quartermaster.Documents;

/// <summary>The paired difference of payoff, B minus A, over paths run on common random numbers; positive: B pays more.</summary>
/// <param name="Mean">Mean of payoff(B) - payoff(A), US dollars.</param>
/// <param name="StandardError">Standard error of that mean, from the paired differences, US dollars.</param>
/// <param name="Ci95">Its 95% confidence interval, [low, high], US dollars.</param>
/// <param name="PBBetter">Fraction of paths where B's payoff is strictly greater than A's.</param>
public sealed record PayoffDifference(
    double Mean,
    double StandardError,
    IReadOnlyList<double> Ci95,
    [property: JsonPropertyName("p_b_better")] double PBBetter)
{
    /// <summary>The document of <paramref name="difference"/>.</summary>
    public static PayoffDifference Of(Quartermaster.Stress.PairedDifference difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        return new(difference.MeanUsd, difference.StandardErrorUsd, [difference.Ci95LowUsd, difference.Ci95HighUsd], difference.ProbabilityBBetter);
    }
}
