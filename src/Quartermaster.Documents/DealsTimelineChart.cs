using Quartermaster.Core;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>
/// The deals timeline as a chart draws it: every month from the first deal to the last (so the axis keeps time to
/// scale), one step series per provider.
/// </summary>
/// <param name="Months">Every month from the first dated deal to the last; empty without dated deals.</param>
/// <param name="Series">One series per provider, largest GW first.</param>
/// <param name="UndatedDealIds">Ids of the deals no source dates (on the map, not the timeline).</param>
public sealed record DealsTimelineChart(IReadOnlyList<Month> Months, IReadOnlyList<ProviderSeries> Series, IReadOnlyList<string> UndatedDealIds)
{
    /// <summary>The chart of <paramref name="timeline"/>.</summary>
    public static DealsTimelineChart Of(DealTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var dealMonths = timeline.Months;
        IReadOnlyList<Month> months = dealMonths.Count == 0 ? []
            : [.. Enumerable.Range(0, dealMonths[^1].MonthsSince(dealMonths[0]) + 1).Select(dealMonths[0].Plus)];
        return new(months,
            [.. timeline.Series.Select(s => new ProviderSeries(s.Key, Cumulative(months, s, p => p.CumulativeGw), Cumulative(months, s, p => p.CumulativeUsd)))],
            [.. timeline.Undated.Select(d => d.Id)]);
    }

    /// <summary>A step series read at every month: 0 before its first point, then its last value so far.</summary>
    private static List<double> Cumulative(IReadOnlyList<Month> months, TimelineSeries series, Func<TimelinePoint, double> value)
    {
        var values = new List<double>(months.Count);
        var next = 0;
        var current = 0.0;
        foreach (var month in months)
        {
            while (next < series.Points.Count && series.Points[next].Month <= month)
            {
                current = value(series.Points[next++]);
            }
            values.Add(current);
        }
        return values;
    }
}
