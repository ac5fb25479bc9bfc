using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Bench;

/// <summary>
/// The benchmark's book, built in code like the DESIGN example and scaled to 10 tenants and 120 months:
/// one provider, two rival frontier labs (2 GW and 5 GW, a $25B stake in the second), a second tier
/// of four rival labs, and four enterprise tenants outside any rivalry group, on three growing sites.
/// Deterministic: the same every run.
/// </summary>
internal static class StressBenchmarkBook
{
    public const int Months = 120;
    private static readonly Month Start = new(2027, 1);

    public static Book Build(int paths)
    {
        var frontier = TenantRisk.Default with { StrengthVolatility = 0.06, DriftHazard = Rate.PerYear(0.05), DefaultHazardBoom = Rate.PerYear(0.01), DefaultHazardCooling = Rate.PerYear(0.06) };
        var second = frontier with { StrengthVolatility = 0.10, DefaultHazardBoom = Rate.PerYear(0.03), DefaultHazardCooling = Rate.PerYear(0.12) };
        var enterprise = TenantRisk.Default with { StrengthVolatility = 0, DriftHazard = Rate.PerYear(0.10), DriftFraction = 0.2, DemandFraction = 0.8 };
        var tenants = new List<Tenant>
        {
            new("frontier-a", "Frontier lab A", "frontier", frontier with { InitialShareFraction = 0.45 }),
            new("frontier-b", "Frontier lab B", "frontier", frontier with { InitialShareFraction = 0.55 }),
        };
        tenants.AddRange(Enumerable.Range(1, 4).Select(i => new Tenant($"lab-{i}", $"Second-tier lab {i}", "second-tier", second)));
        tenants.AddRange(Enumerable.Range(1, 4).Select(i => new Tenant($"corp-{i}", $"Enterprise {i}", null, enterprise)));

        var contracts = new List<Contract>
        {
            Contract("a-1", "frontier-a", 0, 2000, 0, 300_000, 0.8),
            Contract("b-1", "frontier-b", 6, 2500, 0, 290_000, 0.8),
            Contract("b-2", "frontier-b", 24, 2500, 2500, 280_000, 0.7),
        };
        contracts.AddRange(Enumerable.Range(1, 4).Select(i => Contract($"l-{i}", $"lab-{i}", 3 * i, 150 * i, 0, 330_000, 0.5)));
        contracts.AddRange(Enumerable.Range(1, 4).Select(i => Contract($"e-{i}", $"corp-{i}", 12 * i, 50 * i, 0, 380_000, 0.3)));

        var sites = new[]
        {
            Site("virginia", 3000, 12, 1000),
            Site("texas", 2500, 24, 2000),
            Site("ohio", 1000, 36, 1500),
        };
        return new Book(
            "bench-stress",
            "Neutral Cloud",
            new Horizon(Start, Start.Plus(Months - 1)),
            sites.ToValueList(),
            ValueList.Of(new RivalryGroup("frontier", "Frontier labs"), new RivalryGroup("second-tier", "Second-tier labs")),
            tenants.ToValueList(),
            contracts.ToValueList(),
            // Undated and with a cap no path reaches ($1 quintillion), so the stake is v1's and the naive baseline computes the same model.
            ValueList.Of(new Investment("stake-b", "frontier-b", 25e9, 0.05, 500e9, 1.3, null, ValuationCapUsd: 1e18)),
            ScenarioSettings.Default with { Paths = paths, Seed = 2026 });
    }

    /// <summary>The capacity the production planner (max-min) gives each contract of <paramref name="book"/>.</summary>
    public static StressInput Planned(Book book) =>
        PlannedCapacity.ToStressInput(book, new Planning.FlowPlanner().Allocate(book, AllocationPolicy.MaxMin));

    // A ramp from `startMonth`: `mw` MW, growing by `laterMw` two years later; 10-year term from the horizon start.
    private static Contract Contract(string id, string tenant, int startMonth, double mw, double laterMw, double price, double takeOrPay)
    {
        var ramp = laterMw > 0
            ? ValueList.Of(new MwStep(Start.Plus(startMonth), mw), new MwStep(Start.Plus(startMonth + 24), mw + laterMw))
            : ValueList.Of(new MwStep(Start.Plus(startMonth), mw));
        return new Contract(id, tenant, Start, Start.Plus(Months - 1), price, takeOrPay, ValueList.Of("gb300"), ValueList.Of("us"), Isolation.Shared, 1, ramp);
    }

    // A site reaching `firstMw` at once and `firstMw + laterMw` after `laterAfterMonths`.
    private static Site Site(string id, double firstMw, int laterAfterMonths, double laterMw) =>
        new(id, "us", 8, 12e6, 25_000, ValueList.Of(new ChipPool("gb300", 1)),
            ValueList.Of(new MwStep(Start, firstMw), new MwStep(Start.Plus(laterAfterMonths), firstMw + laterMw)));
}
