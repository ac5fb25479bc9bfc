using System.Globalization;
using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Analysis;

/// <summary>
/// The verdict line of a quote, built only from its tables so it is always true of them: what fits, what signing in
/// full takes from whom, the audit, the change of the total payoff and of P(loss), and any alert crossed. Display names,
/// never ids; a loss is called a loss.
/// </summary>
public static class QuoteVerdict
{
    /// <summary>The line for <paramref name="quote"/>; <paramref name="signedBook"/> is the book with the proposal signed (for display names).</summary>
    public static string Of(Quote quote, Book signedBook)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(signedBook);
        var parts = new List<string>();
        foreach (var headroom in quote.Headroom)
        {
            parts.Add(Fit(headroom, TenantName(signedBook, headroom.TenantId)));
        }
        parts.Add(Cost(quote));
        parts.Add($"the neutrality audit {quote.Neutrality.Summary}");
        parts.Add(Risk(quote));
        var crossed = quote.Alerts.Where(a => a.NewlyCrossed).Select(a => $"'{a.Rule}'").ToList();
        if (crossed.Count > 0)
        {
            parts.Add("crosses the alert " + string.Join(" and ", crossed));
        }
        var line = string.Join("; ", parts) + ".";
        return char.ToUpperInvariant(line[0]) + line[1..];
    }

    private static string TenantName(Book book, string tenantId) => book.Tenants.FirstOrDefault(t => t.Id == tenantId)?.Name ?? tenantId;

    private static string Fit(ContractHeadroom headroom, string tenant)
    {
        var subject = $"the new contract for {tenant} ";
        var isolation = headroom.IsolationApplies
            ? $" (hall isolation applies in {headroom.Months.Count(m => m.IsolationApplies)} months, where the headroom is an upper bound)"
            : "";
        if (headroom.Months.Count == 0)
        {
            return subject + "commits no MW within the book's horizon";
        }
        if (headroom.FirstMonthShort is not { } first)
        {
            return subject + "fits in full" + isolation;
        }
        var alpha = headroom.UniformFraction > 0 ? $" ({PeopleText.Percent(headroom.UniformFraction)} of its ramp fits throughout)" : ", and in some month none of it fits";
        var firstIndex = headroom.Months.Select((m, i) => (m, i)).First(x => x.m.Month == first).i;
        var fit = firstIndex == 0
            ? $"does not fit in full from its first month ({first})"
            : $"fits in full until {headroom.Months[firstIndex - 1].Month}";
        return $"{subject}{fit}{alpha}{isolation}";
    }

    private static string Cost(Quote quote)
    {
        var byMonth = new SortedDictionary<Month, double>();
        var losers = 0;
        var lowest = 1.0;
        foreach (var cost in quote.Costs)
        {
            var lost = false;
            foreach (var month in cost.Months)
            {
                if (month.OldMw - month.NewMw > 0)
                {
                    byMonth[month.Month] = byMonth.GetValueOrDefault(month.Month) + (month.OldMw - month.NewMw);
                    lowest = Math.Min(lowest, month.NewFillRatio);
                    lost = true;
                }
            }
            losers += lost ? 1 : 0;
        }
        if (byMonth.Count == 0)
        {
            return "signed in full it takes no MW from existing contracts";
        }
        var peak = byMonth.Values.Max();
        var contracts = losers == 1 ? "1 contract" : $"{losers} contracts";
        return $"signed in full, from {byMonth.Keys.First()} it takes up to {Mw(peak)} MW a month from {contracts} (lowest fill {PeopleText.Percent(lowest)})";
    }

    private static string Risk(Quote quote)
    {
        var total = quote.Risk.Total;
        var mean = total.Mean;
        var direction = mean.Change < 0 ? $"falls by {PeopleText.Size(mean.Change)}" : $"rises by {PeopleText.Size(mean.Change)}";
        var loss = total.ProbabilityOfLoss;
        return $"expected total payoff {direction} (95% CI {WithSign(mean.Ci95Low)} to {WithSign(mean.Ci95High)}); "
            + $"P(loss) {Points(loss.Change)} (CI {Points(loss.Ci95Low)} to {Points(loss.Ci95High)})";
    }

    /// <summary>Dollars with an explicit sign, such as <c>+$1.2B</c> or <c>-$300M</c>.</summary>
    public static string WithSign(double usd) => usd > 0 ? "+" + PeopleText.Money(usd) : PeopleText.Money(usd);

    /// <summary>A change of a probability in percentage points with its sign, such as <c>+2.1 pts</c>.</summary>
    public static string Points(double fraction) => (fraction * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts";

    private static string Mw(double mw) => mw.ToString("#,0", CultureInfo.InvariantCulture);
}
