namespace Quartermaster.Core;

/// <summary>
/// One provider's portfolio: sites, tenants and their rivalry groups, contracts, investments,
/// and the settings of its stress runs. A value: two books with the same content are equal.
/// </summary>
/// <param name="Id">Short id of the book.</param>
/// <param name="Provider">Name of the provider whose book this is.</param>
/// <param name="Horizon">Months planned and stressed.</param>
/// <param name="Sites">The sites.</param>
/// <param name="RivalryGroups">Groups of competing tenants.</param>
/// <param name="Tenants">The tenants.</param>
/// <param name="Contracts">The contracts.</param>
/// <param name="Investments">Equity stakes in tenants.</param>
/// <param name="Scenario">Stress-run settings.</param>
public sealed record Book(
    string Id,
    string Provider,
    Horizon Horizon,
    ValueList<Site> Sites,
    ValueList<RivalryGroup> RivalryGroups,
    ValueList<Tenant> Tenants,
    ValueList<Contract> Contracts,
    ValueList<Investment> Investments,
    ScenarioSettings Scenario)
{
    /// <summary>The tenant with id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No tenant has that id.</exception>
    public Tenant Tenant(string id) =>
        Tenants.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"no tenant '{id}' in book '{Id}'");

    /// <summary>Total MW online across all sites in <paramref name="month"/>.</summary>
    public double OnlineMw(Month month) => Sites.Sum(s => s.OnlineMw(month));

    /// <summary>Total MW committed across all contracts in <paramref name="month"/>.</summary>
    public double CommittedMw(Month month) => Contracts.Sum(c => c.CommittedMw(month));
}
