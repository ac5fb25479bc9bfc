namespace Quartermaster.Watch;

/// <summary>
/// The market as a graph: providers and labs as nodes, one edge per provider-lab pair weighted by GW and
/// dollars, every provider that supplies rival labs marked, and the equity edges that make a provider
/// "paid twice" flagged. Plain values, ready to be drawn.
/// </summary>
/// <param name="Nodes">Every company, by name.</param>
/// <param name="Edges">One edge per provider and lab that have deals, by provider then lab.</param>
/// <param name="RivalSuppliers">Per provider and rivalry group, the rival labs it supplies (two or more), by provider then group.</param>
/// <param name="Groups">The rivalry groups the map was drawn with.</param>
public sealed record MarketMap(
    IReadOnlyList<MapNode> Nodes,
    IReadOnlyList<MapEdge> Edges,
    IReadOnlyList<RivalSupplier> RivalSuppliers,
    IReadOnlyList<LabRivalryGroup> Groups)
{
    /// <summary>The map of <paramref name="deals"/> with rival labs as in <paramref name="groups"/>.</summary>
    public static MarketMap Of(IEnumerable<Deal> deals, IReadOnlyList<LabRivalryGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(groups);
        var list = deals.ToList();
        var edges = list
            .GroupBy(d => (d.Provider, d.Lab))
            .Select(g => new MapEdge(g.Key.Provider, g.Key.Lab,
                g.Sum(d => d.CommittedGw),
                g.Where(d => d.IsSupply).Sum(d => d.CommittedUsd),
                g.Sum(d => d.EquityUsd),
                g.Any(d => d.IsSupply),
                g.Any(d => d.Kind == DealKind.Equity),
                [.. g.Select(d => d.Kind).Distinct().Order()],
                [.. g.Select(d => d.Id)]))
            .OrderBy(e => e.Provider, StringComparer.Ordinal).ThenBy(e => e.Lab, StringComparer.Ordinal)
            .ToList();
        var rivalSuppliers = edges
            .Where(e => e.Supplies)
            .GroupBy(e => e.Provider, StringComparer.Ordinal)
            .SelectMany(p => groups.Select(g => new RivalSupplier(p.Key, g.Id,
                [.. p.Where(e => g.Contains(e.Lab)).Select(e => e.Lab).Order(StringComparer.Ordinal)])))
            .Where(r => r.Labs.Count >= 2)
            .ToList();
        var marked = rivalSuppliers.Select(r => r.Provider).ToHashSet(StringComparer.Ordinal);
        var providers = list.Select(d => d.Provider).ToHashSet(StringComparer.Ordinal);
        var labs = list.Select(d => d.Lab).ToHashSet(StringComparer.Ordinal);
        var nodes = providers.Union(labs).Order(StringComparer.Ordinal)
            .Select(n => new MapNode(n, providers.Contains(n), labs.Contains(n), marked.Contains(n)))
            .ToList();
        return new MarketMap(nodes, edges, rivalSuppliers, groups);
    }

    /// <summary>The edges on which the provider is paid twice (supplies and invests), in edge order.</summary>
    public IReadOnlyList<MapEdge> PaidTwice => [.. Edges.Where(e => e.PaidTwice)];
}
