namespace Quartermaster.Watch;

/// <summary>
/// Who is exposed to whom, over all deals dated or not: for each provider its shares by lab (GW and
/// dollars, HHI, top-lab share), for each lab its shares by provider and how many clouds and backers it has.
/// GW count supply deals only; dollars count every deal, equity included.
/// </summary>
/// <param name="Providers">Per provider, by name.</param>
/// <param name="Labs">Per lab, by name.</param>
public sealed record MarketExposure(IReadOnlyList<ProviderExposure> Providers, IReadOnlyList<LabExposure> Labs)
{
    /// <summary>The exposure of the market described by <paramref name="deals"/>.</summary>
    public static MarketExposure Of(IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var list = deals.ToList();
        var providers = list.GroupBy(d => d.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var shares = SharesOf(g, d => d.Lab);
                return new ProviderExposure(g.Key, shares, GwConcentration(shares), UsdConcentration(shares));
            })
            .ToList();
        var labs = list.GroupBy(d => d.Lab, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var shares = SharesOf(g, d => d.Provider);
                return new LabExposure(g.Key, shares, GwConcentration(shares), UsdConcentration(shares),
                    [.. shares.Where(s => s.Supplies).Select(s => s.Name).Order(StringComparer.Ordinal)],
                    [.. shares.Where(s => s.Invests).Select(s => s.Name).Order(StringComparer.Ordinal)]);
            })
            .ToList();
        return new MarketExposure(providers, labs);
    }

    /// <summary>The exposure of <paramref name="provider"/> (matched ignoring case), or null when it has no deals.</summary>
    public ProviderExposure? OfProvider(string provider) =>
        Providers.FirstOrDefault(p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase));

    /// <summary>The exposure of <paramref name="lab"/> (matched ignoring case), or null when it has no deals.</summary>
    public LabExposure? OfLab(string lab) =>
        Labs.FirstOrDefault(l => string.Equals(l.Lab, lab, StringComparison.OrdinalIgnoreCase));

    private static List<ExposureShare> SharesOf(IEnumerable<Deal> deals, Func<Deal, string> counterparty)
    {
        var groups = deals.GroupBy(counterparty, StringComparer.Ordinal).ToList();
        var totalGw = groups.Sum(g => g.Sum(d => d.CommittedGw));
        var totalUsd = groups.Sum(g => g.Sum(d => d.CommittedUsd));
        return groups
            .Select(g =>
            {
                var gw = g.Sum(d => d.CommittedGw);
                var usd = g.Sum(d => d.CommittedUsd);
                return new ExposureShare(g.Key, gw, totalGw > 0 ? gw / totalGw : null, usd, totalUsd > 0 ? usd / totalUsd : null,
                    g.Sum(d => d.EquityUsd), g.Any(d => d.IsSupply), g.Any(d => d.Kind == DealKind.Equity), [.. g.Select(d => d.Id)]);
            })
            .OrderByDescending(s => s.Gw).ThenByDescending(s => s.Usd).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static Concentration GwConcentration(IEnumerable<ExposureShare> shares) => Concentration.Of(shares.Select(s => (s.Name, s.Gw)));

    private static Concentration UsdConcentration(IEnumerable<ExposureShare> shares) => Concentration.Of(shares.Select(s => (s.Name, s.Usd)));
}
