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
        var groups = deals.GroupBy(counterparty, StringComparer.Ordinal)
            .Select(g => (Deals: g, Gw: g.Sum(d => d.CommittedGw), Usd: g.Sum(d => d.CommittedUsd)))
            .OrderByDescending(g => g.Gw).ThenByDescending(g => g.Usd).ThenBy(g => g.Deals.Key, StringComparer.Ordinal)
            .ToList();
        // Totals summed in the order the shares are listed, as Concentration.Of sums them: a floating-point sum depends
        // on its order, and a counterparty's share must be the very number its concentration reports as the top share.
        var totalGw = groups.Sum(g => g.Gw);
        var totalUsd = groups.Sum(g => g.Usd);
        return groups
            .Select(g => new ExposureShare(g.Deals.Key, g.Gw, totalGw > 0 ? g.Gw / totalGw : null, g.Usd, totalUsd > 0 ? g.Usd / totalUsd : null,
                g.Deals.Sum(d => d.EquityUsd), g.Deals.Any(d => d.IsSupply), g.Deals.Any(d => d.Kind == DealKind.Equity), [.. g.Deals.Select(d => d.Id)]))
            .ToList();
    }

    private static Concentration GwConcentration(IEnumerable<ExposureShare> shares) => Concentration.Of(shares.Select(s => (s.Name, s.Gw)));

    private static Concentration UsdConcentration(IEnumerable<ExposureShare> shares) => Concentration.Of(shares.Select(s => (s.Name, s.Usd)));
}
