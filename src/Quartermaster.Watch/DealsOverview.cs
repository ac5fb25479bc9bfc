namespace Quartermaster.Watch;

/// <summary>
/// The public-deals section of a report: the deals, their cumulative timeline by provider and the market map
/// drawn with given rivalry groups. Plain values; the report turns them into chart data.
/// </summary>
/// <param name="Deals">The deals, in file order.</param>
/// <param name="Timeline">Cumulative GW and dollars by announcement month, one series per provider.</param>
/// <param name="Map">Providers and labs as a graph, with rival suppliers and "paid twice" edges marked.</param>
public sealed record DealsOverview(IReadOnlyList<Deal> Deals, DealTimeline Timeline, MarketMap Map)
{
    /// <summary>The overview of <paramref name="deals"/>, with rival labs as in <paramref name="groups"/>.</summary>
    public static DealsOverview Of(IReadOnlyList<Deal> deals, IReadOnlyList<LabRivalryGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(deals);
        return new DealsOverview(deals, DealTimeline.Of(deals, MarketSide.Provider), MarketMap.Of(deals, groups));
    }
}
