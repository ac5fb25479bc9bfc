namespace Quartermaster.Planning.Tests;

/// <summary>Small books written out by hand: a site, a contract, a book around them.</summary>
internal static class TestBooks
{
    public static readonly Month January = new(2027, 1);

    public static Site Site(string id, string region, double onlineMw, double opex = 10, params (string Chip, double Share)[] pools) =>
        Site(id, region, onlineMw, halls: 4, opex, pools);

    public static Site Site(string id, string region, double onlineMw, int halls, double opex = 10, params (string Chip, double Share)[] pools) =>
        new(id, region, Halls: halls, CapexPerMwUsd: 1e6, OpexPerMwMonthUsd: opex,
            ChipPools: (pools.Length == 0 ? [("gpu", 1.0)] : pools).Select(p => new ChipPool(p.Chip, p.Share)).ToValueList(),
            Online: ValueList.Of(new MwStep(January, onlineMw)));

    public static Site Site(string id, string region, ValueList<MwStep> online, double opex = 10) =>
        new(id, region, Halls: 4, CapexPerMwUsd: 1e6, OpexPerMwMonthUsd: opex,
            ChipPools: ValueList.Of(new ChipPool("gpu", 1.0)), Online: online);

    public static Contract Contract(string id, string tenant, double mw, string[] regions, string[]? chips = null,
        double price = 100, double weight = 1, Isolation isolation = Isolation.Shared) =>
        new(id, tenant, January, January.Plus(120), price, 0.5, (chips ?? ["gpu"]).ToValueList(), regions.ToValueList(),
            isolation, weight, ValueList.Of(new MwStep(January, mw)));

    public static Book Book(IEnumerable<Site> sites, IEnumerable<Contract> contracts, int months = 1,
        IEnumerable<Tenant>? tenants = null, IEnumerable<Investment>? investments = null)
    {
        var contractList = contracts.ToList();
        var tenantList = tenants?.ToList() ?? [.. contractList.Select(c => c.Tenant).Distinct().Select(t => Tenant(t, "labs"))];
        return new Book("test", "provider", new Horizon(January, January.Plus(months - 1)), sites.ToValueList(),
            ValueList.Of(new RivalryGroup("labs", "Frontier labs")), tenantList.ToValueList(), contractList.ToValueList(),
            (investments ?? []).ToValueList(), ScenarioSettings.Default);
    }

    public static Tenant Tenant(string id, string? group = null) => new(id, id.ToUpperInvariant(), group, TenantRisk.Default);

    public static Investment Stake(string tenant, double amountUsd = 25e9, double ownership = 0.1) =>
        new($"stake-{tenant}", tenant, amountUsd, ownership, 250e9, 1.0, null);

    public static double FillOf(Plan plan, string contractId, int month = 0) =>
        plan.Fill(contractId, January.Plus(month)).FillRatio;
}
