using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Reports;

/// <summary>The plain-language sentences at the top of a report: what the numbers below say.</summary>
public static class ReportSummary
{
    /// <summary>Four or five sentences on the book's risk, its shortage, its neutrality and whether it wins either way.</summary>
    public static IReadOnlyList<string> Sentences(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (book, plan, audit, stress) = (content.Book, content.Plan, content.Audit, content.Stress);
        var p = stress.Payoff;
        var sentences = new List<string>
        {
            $"In 95% of {stress.Paths:N0} simulated futures the book earns at least {Money(p.P5Usd)} (net present value, stakes included); "
            + $"the mean is {Money(p.MeanUsd)} and the chance of a loss is {Percent(p.ProbabilityOfLoss)}.",
        };

        var cooled = stress.WinEitherWay.Where(r => r.Cooled).ToList();
        var booming = stress.WinEitherWay.Where(r => !r.Cooled).ToList();
        if (cooled.Count > 0 && booming.Count > 0)
        {
            sentences.Add($"If the sector has cooled by the end ({Percent(cooled.Sum(r => r.ShareOfPaths))} of futures), the mean payoff is "
                + $"{Money(Weighted(cooled))} with a {Percent(WeightedLoss(cooled))} chance of loss; if it is still booming, {Money(Weighted(booming))}.");
        }
        foreach (var (group, index) in stress.RivalryGroups.Select((g, i) => (g, i)))
        {
            var byLeader = stress.WinEitherWay.GroupBy(r => r.Leaders[index])
                .Select(g => (Leader: g.Key, Mean: Weighted(g.ToList()), Share: g.Sum(r => r.ShareOfPaths))).OrderBy(x => x.Mean).ToList();
            if (byLeader.Count >= 2)
            {
                var worst = byLeader[0];
                sentences.Add($"Whichever lab of '{group}' ends up leading, the mean payoff is at least {Money(worst.Mean)} "
                    + $"(lowest when {worst.Leader} leads, {Percent(worst.Share)} of futures)"
                    + (worst.Mean > 0 ? ": the book wins either way." : ": the book does not win either way."));
            }
        }

        var outlook = CapacityOutlook.Of(book);
        if (outlook.FirstShortage is { } first)
        {
            var fills = plan.Fills.Where(f => f.CommittedMw > 0 && f.FillRatio < 1 - 1e-9).ToList();
            sentences.Add($"Commitments exceed online capacity from {first}; under {plan.Policy.ToName()} "
                + (fills.Count == 0 ? "every contract is still served in full."
                    : $"{fills.Select(f => f.ContractId).Distinct().Count()} contracts are short in some month, the lowest fill ratio being {Percent(fills.Min(f => f.FillRatio))}."));
        }
        sentences.Add(audit.Passed
            ? $"The neutrality audit passes: renaming tenants and zeroing every stake leaves the plan unchanged, and identically eligible contracts get the same fill ratio. Neutrality costs {Money(audit.CostOfNeutralityUsd)} of revenue against revenue-max."
            : $"The neutrality audit FAILS under {audit.Policy.ToName()}: {string.Join("; ", audit.Checks.Where(c => !c.Passed).Select(c => c.Summary))}");
        return sentences;
    }

    internal static double Weighted(IReadOnlyList<Stress.WinEitherWayRow> rows) =>
        rows.Sum(r => r.MeanPayoffUsd * r.Paths) / Math.Max(1, rows.Sum(r => r.Paths));

    private static double WeightedLoss(IReadOnlyList<Stress.WinEitherWayRow> rows) =>
        rows.Sum(r => r.ProbabilityOfLoss * r.Paths) / Math.Max(1, rows.Sum(r => r.Paths));

    internal static string Money(double usd) => Quantities.FormatMoneyRounded(usd);

    internal static string Percent(double fraction) => fraction.ToString("P1", CultureInfo.InvariantCulture);
}
