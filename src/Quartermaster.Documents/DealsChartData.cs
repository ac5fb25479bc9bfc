using Quartermaster.Core;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>The market of public deals as the report and the dashboard draw it: the timeline by provider and the market map.</summary>
/// <param name="Timeline">Cumulative GW and dollars per provider, every month from the first deal to the last.</param>
/// <param name="Map">Providers and labs as a graph.</param>
public sealed record DealsChartData(DealsTimelineChart Timeline, MarketMapChart Map)
{
    /// <summary>The chart data of <paramref name="deals"/>.</summary>
    public static DealsChartData Of(DealsOverview deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        return new(DealsTimelineChart.Of(deals.Timeline), MarketMapChart.Of(deals.Map));
    }
}
