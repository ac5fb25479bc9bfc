namespace Quartermaster.Stress;

/// <summary>Computes <see cref="RiskChange"/> from the per-path payoffs of two runs on common random numbers.</summary>
internal static class RiskChanges
{
    /// <summary>Consecutive sections of paths used for the CIs of quantile statistics (fewer when paths are few).</summary>
    public const int Sections = 20;

    /// <summary>Two-sided 97.5% quantiles of Student's t with 1 to 19 degrees of freedom.</summary>
    private static readonly double[] StudentT975 =
        [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093];

    /// <summary>The change from <paramref name="a"/> to <paramref name="b"/>, payoffs of the same paths in the same order.</summary>
    public static RiskChange Of(double[] a, double[] b, PairedDifference mean)
    {
        var n = a.Length;
        var lossDifference = new double[n];
        for (var p = 0; p < n; p++)
        {
            lossDifference[p] = (b[p] < 0 ? 1 : 0) - (a[p] < 0 ? 1 : 0);
        }
        var (loss, lossError) = PayoffSummary.MeanAndStandardError(lossDifference);
        var whole = Tail(a, b, 0, n);
        // Sections of at least 2 paths each; with fewer than 4 paths there is no spread to measure and the CI is the point.
        var sections = n < 4 ? 0 : Math.Clamp(n / 50, 2, Sections);
        var parts = new (double P5, double Cvar)[sections];
        for (var s = 0; s < sections; s++)
        {
            var from = (int)((long)n * s / sections);
            var to = (int)((long)n * (s + 1) / sections);
            parts[s] = Tail(a, b, from, to);
        }
        var t = sections >= 2 ? StudentT975[sections - 2] : double.NaN;
        var p5 = Sectioned(whole.P5, parts.Select(x => x.P5), t);
        var cvar = Sectioned(whole.Cvar, parts.Select(x => x.Cvar), t);
        return new RiskChange(
            new PairedEstimate(mean.MeanUsd, mean.Ci95LowUsd, mean.Ci95HighUsd),
            p5,
            new PairedEstimate(0 - p5.Change, 0 - p5.Ci95High, 0 - p5.Ci95Low),
            cvar,
            new PairedEstimate(loss, loss - (PayoffSummary.Z95 * lossError), loss + (PayoffSummary.Z95 * lossError)));
    }

    // The change of P5 and of CVaR95 (a loss) over paths [from, to).
    private static (double P5, double Cvar) Tail(double[] a, double[] b, int from, int to)
    {
        var sa = a[from..to];
        var sb = b[from..to];
        PathSort.Sort(sa);
        PathSort.Sort(sb);
        return (PayoffSummary.Percentile(sb, 0.05) - PayoffSummary.Percentile(sa, 0.05), TailMean(sa) - TailMean(sb)); // CVaR is a loss: -tail(b) - -tail(a)
    }

    private static double TailMean(double[] sorted)
    {
        var count = Math.Max(1, (int)Math.Ceiling(0.05 * sorted.Length));
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += sorted[i];
        }
        return sum / count;
    }

    private static PairedEstimate Sectioned(double whole, IEnumerable<double> parts, double t)
    {
        var values = parts.ToArray();
        if (double.IsNaN(t))
        {
            return new PairedEstimate(whole, whole, whole);
        }
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        var half = t * Math.Sqrt(variance / values.Length);
        return new PairedEstimate(whole, whole - half, whole + half);
    }
}
