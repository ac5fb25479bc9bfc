using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Analysis;

/// <summary>
/// The two provider-level alert rules of DESIGN's Watch section evaluated on one provider's own book:
/// <c>top tenant share &gt; 50%</c> (of expected revenue, from a stress run) and <c>committed &gt; online by 2x</c>
/// (in some month, MW committed above twice the MW online, over months with capacity online).
/// </summary>
public static class BookAlerts
{
    /// <summary>The share of expected revenue above which the top-tenant rule fires.</summary>
    public const double TopTenantShareLimit = 0.5;

    /// <summary>The ratio of committed to online MW above which the over-commitment rule fires.</summary>
    public const double OvercommitRatioLimit = 2;

    /// <summary>Both rules on <paramref name="oldBook"/> and <paramref name="newBook"/>, with their stress results.</summary>
    public static IReadOnlyList<BookAlert> Compare(Book oldBook, StressResult oldRun, Book newBook, StressResult newRun)
    {
        ArgumentNullException.ThrowIfNull(oldRun);
        ArgumentNullException.ThrowIfNull(newRun);
        var (oldRatio, newRatio) = (PeakCommitmentRatio(oldBook), PeakCommitmentRatio(newBook));
        return
        [
            new BookAlert("top tenant share > 50%", oldRun.TopTenantShare, newRun.TopTenantShare,
                oldRun.TopTenantShare > TopTenantShareLimit, newRun.TopTenantShare > TopTenantShareLimit),
            new BookAlert("committed > online by 2x", oldRatio, newRatio, oldRatio > OvercommitRatioLimit, newRatio > OvercommitRatioLimit),
        ];
    }

    /// <summary>The largest committed / online MW over the horizon's months with capacity online (0 when none has).</summary>
    public static double PeakCommitmentRatio(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var peak = 0.0;
        foreach (var month in book.Horizon.Months())
        {
            var online = book.OnlineMw(month);
            if (online > 0)
            {
                peak = Math.Max(peak, book.CommittedMw(month) / online);
            }
        }
        return peak;
    }
}
