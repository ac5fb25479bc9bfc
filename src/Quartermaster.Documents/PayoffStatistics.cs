using System.Text.Json.Serialization;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>
/// The distribution of the payoff over paths, US dollars. Losses are positive: VaR95 = -P5, CVaR95 = the mean loss
/// on the worst 5% of paths; a negative VaR means even that percentile is a gain.
/// </summary>
/// <param name="Mean">Mean payoff, US dollars.</param>
/// <param name="StandardError">Monte Carlo standard error of the mean, US dollars.</param>
/// <param name="Ci95">The 95% confidence interval of the mean, [low, high], US dollars.</param>
/// <param name="P1">1st percentile, US dollars.</param>
/// <param name="P5">5th percentile, US dollars.</param>
/// <param name="P50">Median, US dollars.</param>
/// <param name="P95">95th percentile, US dollars.</param>
/// <param name="P99">99th percentile, US dollars.</param>
/// <param name="Var95">Value at risk at 95%, as a loss (-P5), US dollars.</param>
/// <param name="Cvar95">Conditional value at risk at 95%, as a loss, US dollars.</param>
/// <param name="Var99">Value at risk at 99%, as a loss (-P1), US dollars.</param>
/// <param name="Cvar99">Conditional value at risk at 99%, as a loss, US dollars.</param>
/// <param name="PLoss">Fraction of paths whose payoff is below 0.</param>
public sealed record PayoffStatistics(
    double Mean,
    double StandardError,
    IReadOnlyList<double> Ci95,
    double P1,
    double P5,
    double P50,
    double P95,
    double P99,
    double Var95,
    double Cvar95,
    double Var99,
    double Cvar99,
    [property: JsonPropertyName("p_loss")] double PLoss)
{
    /// <summary>The statistics of <paramref name="payoff"/>.</summary>
    public static PayoffStatistics Of(PayoffSummary payoff)
    {
        ArgumentNullException.ThrowIfNull(payoff);
        return new(payoff.MeanUsd, payoff.StandardErrorUsd, [payoff.Ci95LowUsd, payoff.Ci95HighUsd], payoff.P1Usd, payoff.P5Usd, payoff.P50Usd,
            payoff.P95Usd, payoff.P99Usd, payoff.Var95Usd, payoff.Cvar95Usd, payoff.Var99Usd, payoff.Cvar99Usd, payoff.ProbabilityOfLoss);
    }
}
