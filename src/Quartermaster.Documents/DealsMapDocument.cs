using System.Text.Json.Serialization;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm deals map --json</c>: the market as a graph, providers and labs as nodes, one edge per provider-lab pair
/// weighted by GW and dollars, with the providers that supply rival labs and the "paid twice" edges marked.
/// </summary>
/// <param name="Groups">The rivalry groups of labs the map was drawn with.</param>
/// <param name="Nodes">Every company, by name.</param>
/// <param name="Edges">One edge per provider and lab that have deals, by provider then lab.</param>
/// <param name="RivalSuppliers">Per provider and rivalry group, the rival labs it supplies (two or more).</param>
public sealed record DealsMapDocument(
    IReadOnlyList<LabRivalryGroup> Groups,
    IReadOnlyList<MapNode> Nodes,
    IReadOnlyList<MapEdge> Edges,
    IReadOnlyList<RivalSupplierRow> RivalSuppliers) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="map"/>.</summary>
    public static DealsMapDocument Of(MarketMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new(map.Groups, map.Nodes, map.Edges, RivalSupplierRow.Of(map));
    }
}
