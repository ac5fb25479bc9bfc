using Quartermaster.Core;

namespace Quartermaster.Watch;

/// <summary>
/// Cumulative GW and dollars committed over time, by announcement month, for the market and per provider
/// (or per lab). Plain values, ready to be drawn as step charts. Deals no source dates are not placed on
/// the timeline; they are listed in <see cref="Undated"/> so no figure silently disappears.
/// </summary>
/// <param name="GroupedBy">Whether <see cref="Series"/> follows providers or labs.</param>
/// <param name="Provider">The provider the deals were restricted to, or null for all.</param>
/// <param name="Total">The market total (of the deals considered).</param>
/// <param name="Series">One series per provider or lab, largest GW first, then largest dollars, then by name.</param>
/// <param name="Undated">Deals considered that have no announcement date, in file order.</param>
public sealed record DealTimeline(
    MarketSide GroupedBy,
    string? Provider,
    TimelineSeries Total,
    IReadOnlyList<TimelineSeries> Series,
    IReadOnlyList<Deal> Undated)
{
    /// <summary>The timeline of <paramref name="deals"/>, optionally only those of <paramref name="provider"/> (matched ignoring case).</summary>
    public static DealTimeline Of(IEnumerable<Deal> deals, MarketSide groupedBy = MarketSide.Provider, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var considered = deals.Where(d => provider is null || string.Equals(d.Provider, provider, StringComparison.OrdinalIgnoreCase)).ToList();
        var dated = considered.Where(d => d.Announced is not null).ToList();
        var series = dated
            .GroupBy(d => groupedBy == MarketSide.Provider ? d.Provider : d.Lab, StringComparer.Ordinal)
            .Select(g => SeriesOf(g.Key, g))
            .OrderByDescending(s => s.TotalGw).ThenByDescending(s => s.TotalUsd).ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        return new DealTimeline(groupedBy, provider, SeriesOf("all", dated), series, [.. considered.Where(d => d.Announced is null)]);
    }

    private static TimelineSeries SeriesOf(string key, IEnumerable<Deal> deals)
    {
        var points = new List<TimelinePoint>();
        double gw = 0, usd = 0, equity = 0;
        foreach (var month in deals.GroupBy(d => d.Announced!.Value.TimelineMonth).OrderBy(g => g.Key))
        {
            var addedGw = month.Sum(d => d.CommittedGw);
            var addedUsd = month.Sum(d => d.CommittedUsd);
            var addedEquity = month.Sum(d => d.EquityUsd);
            gw += addedGw;
            usd += addedUsd;
            equity += addedEquity;
            points.Add(new TimelinePoint(month.Key, addedGw, addedUsd, addedEquity, gw, usd, equity, [.. month.Select(d => d.Id)]));
        }
        return new TimelineSeries(key, points);
    }

    /// <summary>Every month that is a point of some series, in order: the rows of a table of all series.</summary>
    public IReadOnlyList<Month> Months => [.. Total.Points.Select(p => p.Month)];
}
