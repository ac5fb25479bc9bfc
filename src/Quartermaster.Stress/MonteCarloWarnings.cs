using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// Decides which figures of a run are too uncertain to trust: a mean whose 95% confidence interval is wider
/// than the mean itself (its sign is not established), and a simulated mean of the sector index that misses
/// the model's exact mean (at extreme volatility a lognormal's mean rests on futures too rare for the paths
/// to reach, and every mean that depends on the upside, the stakes' above all, is then understated).
/// </summary>
internal static class MonteCarloWarnings
{
    /// <summary>Relative miss of the simulated E[S_T] beyond which the run is flagged (with a miss of 4 standard errors too).</summary>
    public const double SectorMeanTolerance = 0.10;

    public static ValueList<MonteCarloWarning> Of(StressModel model, int paths, PayoffLines<PayoffSummary> payoff, double meanSector, double meanSquareSector)
    {
        var warnings = new List<MonteCarloWarning>();
        if (model.ExactMeanSectorAtHorizon is not null && !(double.IsFinite(meanSector) && double.IsFinite(meanSquareSector)))
        {
            warnings.Add(new MonteCarloWarning("sector.mean",
                "The sector demand index grew beyond what a double can hold on some paths: means are not reliable; lower the growth or set a sector ceiling."));
        }
        else if (model.ExactMeanSectorAtHorizon is { } exact && exact > 0)
        {
            var variance = Math.Max(0, meanSquareSector - (meanSector * meanSector)) * paths / Math.Max(1, paths - 1);
            var standardError = Math.Sqrt(variance / paths);
            var miss = (meanSector - exact) / exact;
            if (Math.Abs(miss) > SectorMeanTolerance && Math.Abs(meanSector - exact) > 4 * standardError)
            {
                warnings.Add(new MonteCarloWarning("sector.mean",
                    $"The simulated mean of the sector demand index at the horizon is {Math.Abs(miss):P0} {(miss < 0 ? "below" : "above")} the model's exact mean "
                    + $"({meanSector:G3} against {exact:G3}): at this volatility the mean rests on futures too rare for {paths:N0} paths to reach, "
                    + "so mean payoffs (the stakes' above all) are not reliable; run more paths, lower the volatility or set a sector ceiling."));
            }
        }
        foreach (var line in PayoffLines<PayoffSummary>.All)
        {
            var summary = payoff[line];
            var halfWidth = PayoffSummary.Z95 * summary.StandardErrorUsd;
            if (summary.StandardErrorUsd > 0 && halfWidth > Math.Abs(summary.MeanUsd))
            {
                warnings.Add(new MonteCarloWarning($"{Key(line)}.mean",
                    $"The mean {Name(line)} is smaller than its Monte Carlo error (95% confidence interval {Usd(summary.Ci95LowUsd)} to {Usd(summary.Ci95HighUsd)}): "
                    + "whether it is a gain or a loss is not established; run more paths."));
            }
        }
        return warnings.ToValueList();
    }

    internal static string Key(PayoffLine line) => line switch
    {
        PayoffLine.Operating => "operating",
        PayoffLine.Stakes => "stakes",
        _ => "total",
    };

    private static string Name(PayoffLine line) => line switch
    {
        PayoffLine.Operating => "payoff of the operating book",
        PayoffLine.Stakes => "payoff of the stakes",
        _ => "payoff of the whole book",
    };

    private static string Usd(double usd) => PeopleText.Money(usd);
}
