using Quartermaster.Core;

namespace Quartermaster.Testing;

/// <summary>Small books built in code, with tenants whose ids and names are easy to search for in responses.</summary>
public static class TestBooks
{
    /// <summary>
    /// Two sites (us-east 100 MW gb300; eu-north 50 MW, half gb300 half trainium3), three tenants: rivals
    /// alpha-lab and beta-lab, and gamma-corp alone; one contract each, one stake in beta-lab. 2026-01..2026-06.
    /// </summary>
    public static Book Small(string id = "small-book") => new(
        id, "Test Provider", new Horizon(new Month(2026, 1), new Month(2026, 6)),
        ValueList.Of(
            new Site("east", "us-east", 4, 10e6, 80e3, ValueList.Of(new ChipPool("gb300", 1)), ValueList.Of(new MwStep(new Month(2026, 1), 100))),
            new Site("north", "eu-north", 2, 12e6, 60e3, ValueList.Of(new ChipPool("gb300", 0.5), new ChipPool("trainium3", 0.5)), ValueList.Of(new MwStep(new Month(2026, 1), 50)))),
        ValueList.Of(new RivalryGroup("frontier", "Frontier labs")),
        ValueList.Of(
            new Tenant("alpha-lab", "Alpha Lab", "frontier", TenantRisk.Default),
            new Tenant("beta-lab", "Beta Lab", "frontier", TenantRisk.Default),
            new Tenant("gamma-corp", "Gamma Corp", null, TenantRisk.Default)),
        ValueList.Of(
            Contract("alpha-deal", "alpha-lab", 80, "us-east", "eu-north"),
            Contract("beta-deal", "beta-lab", 60, "us-east"),
            Contract("gamma-deal", "gamma-corp", 20, "eu-north")),
        ValueList.Of(new Investment("beta-stake", "beta-lab", 1e9, 0.05, 20e9, 1.5, new Month(2026, 1))),
        ScenarioSettings.Default);

    public static Contract Contract(string id, string tenant, double mw, params string[] regions) =>
        new(id, tenant, new Month(2026, 1), new Month(2026, 6), 300e3, 0.8, ValueList.Of("gb300"), regions.ToValueList(),
            Isolation.Shared, 1, ValueList.Of(new MwStep(new Month(2026, 1), mw)));

    public static IReadOnlyList<ContractFill> Fills(Book book) =>
        [.. book.Horizon.Months().SelectMany(m => book.Contracts.Select(c => new ContractFill(m, c.Id, c.Tenant, c.CommittedMw(m), c.CommittedMw(m) / 2)))];

    public static IReadOnlyList<Allocation> Allocations(Book book) =>
        [.. book.Horizon.Months().SelectMany(m => book.Contracts.Select(c => new Allocation(m, c.Id, c.Tenant, "east", "gb300", c.CommittedMw(m) / 2)))];
}
