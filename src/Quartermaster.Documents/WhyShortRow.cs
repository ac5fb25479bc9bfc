using System.Globalization;
using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>
/// One line of "why short": a contract's consecutive short months with the same reason, bottleneck and counterfactual
/// pool, collapsed into one range.
/// </summary>
/// <param name="ContractId">Id of the contract.</param>
/// <param name="TenantId">Id of its tenant.</param>
/// <param name="From">First month of the range.</param>
/// <param name="To">Last month of the range (equal to <paramref name="From"/> for a single month).</param>
/// <param name="MinShortMw">Least MW short in a month of the range.</param>
/// <param name="MaxShortMw">Most MW short in a month of the range.</param>
/// <param name="Reason">Why the contract is short.</param>
/// <param name="BottleneckSites">Ids of the sites of the bottleneck pools, in order.</param>
/// <param name="Bottleneck">The bottleneck pools.</param>
/// <param name="Counterfactual">
/// The counterfactual in words ("+50 MW at a (gpu) would fill it"), or "-" when the shortfall has none (not computed,
/// a month with dedicated halls, or no single pool fills it).
/// </param>
public sealed record WhyShortRow(
    string ContractId,
    string TenantId,
    Month From,
    Month To,
    double MinShortMw,
    double MaxShortMw,
    ShortfallReason Reason,
    IReadOnlyList<string> BottleneckSites,
    IReadOnlyList<ChipPoolRef> Bottleneck,
    string Counterfactual)
{
    /// <summary>The reason in words, for people.</summary>
    public string ReasonText => Describe(Reason);

    /// <summary>The rows of <paramref name="plan"/>'s shortfalls, by contract id then month.</summary>
    public static IReadOnlyList<WhyShortRow> Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rows = new List<WhyShortRow>();
        foreach (var contract in plan.Shortfalls.GroupBy(s => s.ContractId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var run = new List<Shortfall>();
            foreach (var shortfall in contract.OrderBy(s => s.Month))
            {
                if (run.Count > 0 && !(shortfall.Month == run[^1].Month.Plus(1) && SameCause(shortfall, run[^1])))
                {
                    rows.Add(Collapse(run));
                    run.Clear();
                }
                run.Add(shortfall);
            }
            rows.Add(Collapse(run));
        }
        return rows;
    }

    /// <summary>A shortfall reason in words, naming no contract or tenant.</summary>
    public static string Describe(ShortfallReason reason) => reason switch
    {
        ShortfallReason.Capacity => "the pools it may use are full, shared only with contracts that cannot move elsewhere",
        ShortfallReason.LowerTier => "the pools it may use are full; the policy served higher-priority contracts first",
        ShortfallReason.CommonRatio => "held to its component's common fill ratio under pro-rata",
        ShortfallReason.HallIsolation => "the room left is in halls that dedicated-hall isolation keeps apart",
        ShortfallReason.NoEligibleCapacity => "no capacity it may use is online",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    private static bool SameCause(Shortfall a, Shortfall b) =>
        a.Reason == b.Reason && a.SaturatedPools.Equals(b.SaturatedPools) && a.Counterfactual?.Pool == b.Counterfactual?.Pool;

    private static WhyShortRow Collapse(List<Shortfall> run)
    {
        var first = run[0];
        var added = run.Where(s => s.Counterfactual is not null).Select(s => s.Counterfactual!.AddMw).ToList();
        var counterfactual = first.Counterfactual is { } c
            ? $"+{Range(added.Min(), added.Max(), Up)} MW at {c.Pool.SiteId} ({c.Pool.Chip}) would fill it"
            : "-";
        return new WhyShortRow(first.ContractId, first.TenantId, first.Month, run[^1].Month,
            run.Min(s => s.ShortMw), run.Max(s => s.ShortMw), first.Reason, first.SaturatedSites, first.SaturatedPools, counterfactual);
    }

    private static string Range(double low, double high, Func<double, string> format) =>
        format(low) == format(high) ? format(low) : $"{format(low)}-{format(high)}";

    /// <summary>The MW short of the row: one figure, or the least and the most.</summary>
    public string ShortMwText => Range(MinShortMw, MaxShortMw, Format);

    // A counterfactual is rounded up for people, so the figure shown still fills the contract.
    private static string Up(double mw) => mw >= 10
        ? Math.Ceiling(mw).ToString("#,0", CultureInfo.InvariantCulture)
        : (Math.Ceiling(mw * 1000) / 1000).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>MW for people: whole MW from 10 MW up, else up to three significant digits.</summary>
    public static string Format(double mw) => mw >= 10
        ? mw.ToString("#,0", CultureInfo.InvariantCulture)
        : mw.ToString("0.###", CultureInfo.InvariantCulture);
}
