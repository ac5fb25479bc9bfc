using System.Globalization;
using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// The plain sentences that tell a stress run: the operating book first (mean, 5th percentile, chance of loss),
/// then what the stakes add, then whether the book wins either way, the payback and IRR of its cash (no residual value), and any Monte Carlo
/// caution. Every sentence is true of the result's tables: "wins either way" is said only when every row of the
/// win-either-way table has a chance of loss at most the book's <c>either_way_max_loss_probability</c>; losses are
/// said as losses; people, groups and inputs are named by their display names, never their ids or keys.
/// </summary>
public static class StressSummary
{
    /// <summary>Most outcomes named in a "does not win either way" sentence; the rest are counted.</summary>
    public const int MaxOutcomesNamed = 4;

    /// <summary>The sentences for <paramref name="result"/>, a run of <paramref name="book"/>, in the order a board reads them.</summary>
    public static IReadOnlyList<string> Sentences(StressResult result, Book book)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(book);
        var names = new Names(book);
        var sentences = new List<string>();
        var operating = result.Payoff.Operating;
        var residual = result.Costs.ResidualValueUsd > 0
            ? $", with {PeopleText.Money(result.Costs.ResidualValueUsd)} of residual value of sites and equipment at the horizon"
            : "";
        sentences.Add($"The operating book (the contracts' revenue less opex and capex, discounted at {Rate(book.Scenario.DiscountRate)}{residual}) "
            + $"{MeanPhrase(operating)} across {result.Paths:N0} simulated futures (95% confidence interval {PeopleText.Money(operating.Ci95LowUsd)} "
            + $"to {PeopleText.Money(operating.Ci95HighUsd)}); it {FloorPhrase(operating.P5Usd)} in 95% of futures and loses money in "
            + $"{PeopleText.Percent(operating.ProbabilityOfLoss)} of them.");

        var hasStakes = result.Stakes.Count > 0;
        if (hasStakes)
        {
            var stakes = result.Payoff.Stakes;
            var bought = string.Join("; ", result.Stakes.Select(s => $"{names.Tenant(s.TenantId)}, {PeopleText.Money(s.AmountUsd)} paid "
                + (s.Date is { } date ? $"in {date}" : "at the start")));
            sentences.Add($"The stakes ({bought}) {(stakes.MeanUsd >= 0 ? "add" : "take away")} {PeopleText.Size(stakes.MeanUsd)} on average "
                + $"(5th percentile {PeopleText.Money(stakes.P5Usd)}, 95th {PeopleText.Money(stakes.P95Usd)}) and lose money in "
                + $"{PeopleText.Percent(stakes.ProbabilityOfLoss)} of futures; {CapPhrase(result.Stakes, names)}.");
            var total = result.Payoff.Total;
            sentences.Add($"With the stakes, the whole book {MeanPhrase(total)}; it {FloorPhrase(total.P5Usd)} in 95% of futures and loses money in "
                + $"{PeopleText.Percent(total.ProbabilityOfLoss)} of them.");
        }
        else if (book.Investments.Count > 0)
        {
            sentences.Add("No stake is bought within the horizon, so the whole book is the operating book.");
        }

        var threshold = book.Scenario.EitherWayMaxLossProbability;
        sentences.Add(EitherWay(result, names, hasStakes ? PayoffLine.Total : PayoffLine.Operating, hasStakes ? "The whole book" : "The book", threshold));
        if (hasStakes)
        {
            sentences.Add(EitherWay(result, names, PayoffLine.Operating, "The operating book on its own", threshold));
        }
        sentences.Add(CashPhrase(result.CashFlow));
        sentences.AddRange(result.Warnings.Select(w => "Caution: " + w.Message));
        return sentences;
    }

    /// <summary>
    /// "wins either way" when every row's chance of loss on <paramref name="line"/> is at most
    /// <paramref name="threshold"/>; otherwise the outcomes in which it loses, and how likely.
    /// </summary>
    private static string EitherWay(StressResult result, Names names, PayoffLine line, string subject, double threshold)
    {
        var rows = result.WinEitherWay;
        var losing = rows.Where(r => r.Payoff[line].ProbabilityOfLoss > threshold)
            .OrderByDescending(r => r.Payoff[line].ProbabilityOfLoss).ThenByDescending(r => r.ShareOfPaths).ToList();
        var which = result.RivalryGroups.Count == 0
            ? "whether or not the sector cools"
            : $"whichever lab leads {string.Join(" and ", result.RivalryGroups.Select(names.Group))} and whether or not the sector cools";
        if (losing.Count == 0)
        {
            var worst = rows.MaxBy(r => r.Payoff[line].ProbabilityOfLoss);
            return $"{subject} wins either way: {which}, its chance of a loss is at most {PeopleText.Percent(threshold)} in every outcome"
                + (worst is null ? "." : $" (the highest, {PeopleText.Percent(worst.Payoff[line].ProbabilityOfLoss)}, when {Describe(worst, result, names)}).");
        }
        var named = losing.Take(MaxOutcomesNamed).Select(r =>
            $"{PeopleText.Percent(r.Payoff[line].ProbabilityOfLoss)} of the futures where {Describe(r, result, names)} "
            + $"({PeopleText.Percent(r.ShareOfPaths)} of all futures)").ToList();
        var more = losing.Count - named.Count;
        return $"{subject} does not win either way ({which}): it loses money in {Join(named)}"
            + (more > 0 ? $", and in more than {PeopleText.Percent(threshold)} of the futures of {more} more outcome{(more == 1 ? "" : "s")}" : "")
            + $"; the book's threshold for winning either way is a {PeopleText.Percent(threshold)} chance of loss in every outcome.";
    }

    // "Lab A leads Frontier labs and the sector has cooled".
    private static string Describe(WinEitherWayRow row, StressResult result, Names names)
    {
        var leaders = row.Leaders.Select((leader, g) => $"{names.Tenant(leader)} leads {names.Group(result.RivalryGroups[g])}");
        return string.Join(", ", leaders.Append(row.Cooled ? "the sector has cooled" : "the sector is still booming"));
    }

    private static string MeanPhrase(PayoffSummary summary) =>
        summary.MeanUsd >= 0 ? $"is worth {PeopleText.Money(summary.MeanUsd)} on average" : $"loses {PeopleText.Size(summary.MeanUsd)} on average";

    // The 5th percentile read as "in 95% of futures ...".
    private static string FloorPhrase(double p5) =>
        p5 >= 0 ? $"earns at least {PeopleText.Money(p5)}" : $"loses at most {PeopleText.Size(p5)}";

    private static string CapPhrase(IReadOnlyList<StakeOutcome> stakes, Names names) =>
        string.Join("; ", stakes.Select(s => s.ProbabilityCapBinds > 0
            ? $"the {PeopleText.Money(s.ValuationCapUsd)} cap on the valuation of {names.Tenant(s.TenantId)} binds in {PeopleText.Percent(s.ProbabilityCapBinds)} of futures"
            : $"the valuation of {names.Tenant(s.TenantId)} never reaches its {PeopleText.Money(s.ValuationCapUsd)} cap"));

    private static string CashPhrase(OperatingCashFlow cash)
    {
        var payback = cash.Payback;
        var text = payback.P50 is { } median
            ? $"Counting cash only (residual value is not cash), the operating book pays back (its cumulative cash stays at or above zero) by {median} in half the futures"
                + (payback.P95 is { } late ? $" and by {late} in 95% of them" : $"; {PeopleText.Percent(1 - payback.ProbabilityWithinHorizon)} of futures do not pay back within the horizon")
            : $"Counting cash only (residual value is not cash), the operating book does not pay back within the horizon in {PeopleText.Percent(1 - payback.ProbabilityWithinHorizon)} of futures";
        var irr = cash.Irr;
        return text + (irr.P50 is { } p50
            ? $"; the yearly internal rate of return of that cash is {PeopleText.YearlyRate(p50)} in the median future (5th percentile {PeopleText.YearlyRate(irr.P5!.Value)}, 95th {PeopleText.YearlyRate(irr.P95!.Value)})"
                + (irr.ProbabilityDefined < 1 ? $", counting the {PeopleText.Percent(irr.ProbabilityDefined)} of futures that have one." : ".")
            : "; it has no internal rate of return (no year pays cash out).");
    }

    private static string Join(List<string> parts) => parts.Count switch
    {
        1 => parts[0],
        2 => $"{parts[0]} and {parts[1]}",
        _ => string.Join("; ", parts.Take(parts.Count - 1)) + "; and " + parts[^1],
    };

    private static string Rate(Rate rate) =>
        (rate.Fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + (rate.Period == RatePeriod.Year ? "%/yr" : "%/month");

    // Display names of tenants and rivalry groups; an id the book does not know is shown as it is.
    private sealed class Names(Book book)
    {
        public string Tenant(string id) => book.Tenants.FirstOrDefault(t => t.Id == id)?.Name ?? id;

        public string Group(string id) => book.RivalryGroups.FirstOrDefault(g => g.Id == id)?.Name ?? id;
    }
}
