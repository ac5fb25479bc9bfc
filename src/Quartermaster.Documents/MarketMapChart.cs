using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>The market map as a chart draws it: nodes with their sizes, edges with their marks.</summary>
/// <param name="Nodes">Every company, by name.</param>
/// <param name="Edges">One edge per provider and lab that have deals.</param>
/// <param name="RivalSuppliers">Per provider and rivalry group, the rival labs it supplies.</param>
/// <param name="Groups">The rivalry groups of labs the map was drawn with.</param>
public sealed record MarketMapChart(
    IReadOnlyList<MapChartNode> Nodes,
    IReadOnlyList<MapChartEdge> Edges,
    IReadOnlyList<RivalSupplierRow> RivalSuppliers,
    IReadOnlyList<LabRivalryGroup> Groups)
{
    /// <summary>The chart of <paramref name="map"/>.</summary>
    public static MarketMapChart Of(MarketMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new(
            [.. map.Nodes.Select(n =>
            {
                var edges = map.Edges.Where(e => e.Provider == n.Name || e.Lab == n.Name).ToList();
                return new MapChartNode(n.Name, n.IsProvider ? (n.IsLab ? "both" : "provider") : "lab", n.SuppliesRivals,
                    edges.Sum(e => e.Gw), edges.Sum(e => e.Usd));
            })],
            [.. map.Edges.Select(e => new MapChartEdge(e.Provider, e.Lab, e.Gw, e.SupplyUsd, e.EquityUsd,
                e.Supplies ? (e.Invests ? "both" : "supply") : "equity", e.PaidTwice, e.DealIds))],
            RivalSupplierRow.Of(map),
            map.Groups);
    }
}
