namespace Quartermaster.Stress;

/// <summary>
/// The distribution of the payoff over the paths of a scenario run, in US dollars. Losses are
/// positive numbers: VaR95 = -P5 (the loss exceeded on 5% of paths), CVaR95 = the mean loss on the
/// worst 5% of paths (ceil(5% of paths) paths); a negative VaR means even the 5th percentile is a gain.
/// </summary>
/// <param name="MeanUsd">Mean payoff.</param>
/// <param name="StandardErrorUsd">Monte Carlo standard error of the mean (sample standard deviation / sqrt(paths)).</param>
/// <param name="Ci95LowUsd">Lower end of the 95% confidence interval of the mean (mean - 1.96 standard errors).</param>
/// <param name="Ci95HighUsd">Upper end of the 95% confidence interval of the mean.</param>
/// <param name="P1Usd">1st percentile (linear interpolation between order statistics).</param>
/// <param name="P5Usd">5th percentile.</param>
/// <param name="P50Usd">Median.</param>
/// <param name="P95Usd">95th percentile.</param>
/// <param name="P99Usd">99th percentile.</param>
/// <param name="Var95Usd">Value at risk at 95%, as a loss: -P5.</param>
/// <param name="Cvar95Usd">Conditional value at risk at 95%, as a loss: mean of -payoff over the worst 5% of paths.</param>
/// <param name="Var99Usd">Value at risk at 99%, as a loss: -P1.</param>
/// <param name="Cvar99Usd">Conditional value at risk at 99%, as a loss: mean of -payoff over the worst 1% of paths.</param>
/// <param name="ProbabilityOfLoss">Fraction of paths whose payoff is below 0.</param>
public sealed record PayoffSummary(
    double MeanUsd,
    double StandardErrorUsd,
    double Ci95LowUsd,
    double Ci95HighUsd,
    double P1Usd,
    double P5Usd,
    double P50Usd,
    double P95Usd,
    double P99Usd,
    double Var95Usd,
    double Cvar95Usd,
    double Var99Usd,
    double Cvar99Usd,
    double ProbabilityOfLoss)
{
    /// <summary>z of the two-sided 95% normal interval.</summary>
    internal const double Z95 = 1.959963984540054;

    /// <summary>Summarises <paramref name="payoffs"/> (at least one), summing in index order so the result is reproducible.</summary>
    internal static PayoffSummary Of(ReadOnlySpan<double> payoffs)
    {
        var sorted = payoffs.ToArray();
        PathSort.Sort(sorted);
        return Of(payoffs, sorted);
    }

    /// <summary>Summarises <paramref name="payoffs"/> given the same values in ascending order in <paramref name="sorted"/>.</summary>
    internal static PayoffSummary Of(ReadOnlySpan<double> payoffs, double[] sorted)
    {
        var (mean, standardError) = MeanAndStandardError(payoffs);
        var losses = 0;
        foreach (var p in payoffs)
        {
            losses += p < 0 ? 1 : 0;
        }
        return new PayoffSummary(
            mean,
            standardError,
            mean - (Z95 * standardError),
            mean + (Z95 * standardError),
            Percentile(sorted, 0.01),
            Percentile(sorted, 0.05),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            -Percentile(sorted, 0.05),
            -TailMean(sorted, 0.05),
            -Percentile(sorted, 0.01),
            -TailMean(sorted, 0.01),
            (double)losses / payoffs.Length);
    }

    /// <summary>Mean and its standard error by two passes (stable for large means).</summary>
    internal static (double Mean, double StandardError) MeanAndStandardError(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }
        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        var variance = values.Length > 1 ? squares / (values.Length - 1) : 0;
        return (mean, Math.Sqrt(variance / values.Length));
    }

    /// <summary>The fraction of <paramref name="values"/> below 0.</summary>
    internal static double LossFraction(ReadOnlySpan<double> values)
    {
        var losses = 0;
        foreach (var v in values)
        {
            losses += v < 0 ? 1 : 0;
        }
        return (double)losses / values.Length;
    }

    /// <summary>The q-quantile of sorted values, interpolating between order statistics (Hyndman and Fan type 7).</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    // Mean of the lowest ceil(fraction * n) sorted values.
    private static double TailMean(double[] sorted, double fraction)
    {
        var count = Math.Max(1, (int)Math.Ceiling(fraction * sorted.Length));
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += sorted[i];
        }
        return sum / count;
    }
}
