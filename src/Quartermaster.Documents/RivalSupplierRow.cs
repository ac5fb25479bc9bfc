using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>A provider that supplies two or more labs of one rivalry group: it sells to competing sides.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="GroupId">Id of the rivalry group of labs.</param>
/// <param name="Labs">The labs of that group it supplies, by name.</param>
public sealed record RivalSupplierRow(string Provider, string GroupId, IReadOnlyList<string> Labs)
{
    /// <summary>The rival suppliers of <paramref name="map"/>, in its order (by provider, then group).</summary>
    public static IReadOnlyList<RivalSupplierRow> Of(MarketMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return [.. map.RivalSuppliers.Select(r => new RivalSupplierRow(r.Provider, r.Group, r.Labs))];
    }
}
