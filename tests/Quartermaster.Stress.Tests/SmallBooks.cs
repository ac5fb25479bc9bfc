using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>Small books built in code, with every stress setting explicit so tests can compute answers by hand.</summary>
internal static class SmallBooks
{
    public static readonly Month Start = new(2026, 1);

    /// <summary>A tenant that never defaults, never drifts and has no strength noise.</summary>
    public static TenantRisk Quiet { get; } = TenantRisk.Default with
    {
        StrengthVolatility = 0,
        DriftHazard = Rate.Zero,
        DriftFraction = 0,
        DefaultHazardBoom = Rate.Zero,
        DefaultHazardCooling = Rate.Zero,
    };

    /// <summary>A sector that booms for ever with the given yearly growth and volatility, undiscounted.</summary>
    public static ScenarioSettings BoomForever(double growthPerYear, double volatilityPerYear, int paths = 1000) =>
        ScenarioSettings.Default with
        {
            Paths = paths,
            Seed = 42,
            DiscountRate = Rate.Zero,
            StartRegime = Regime.Boom,
            BoomToCooling = Rate.PerMonth(0),
            Boom = new RegimeDynamics(Rate.PerYear(growthPerYear), Rate.PerYear(volatilityPerYear)),
        };

    public static Tenant Tenant(string id, TenantRisk risk, string? group = null) => new(id, id.ToUpperInvariant(), group, risk);

    public static Contract Contract(string id, string tenant, int months, double mw, double price, double takeOrPay = 0) =>
        new(id, tenant, Start, Start.Plus(months - 1), price, takeOrPay, ValueList.Of("gb300"), ValueList.Of("us-east"),
            Isolation.Shared, 1, ValueList.Of(new MwStep(Start, mw)));

    public static Site Site(string id, double capexPerMw, double opexPerMwMonth, params MwStep[] online) =>
        new(id, "us-east", 4, capexPerMw, opexPerMwMonth, ValueList.Of(new ChipPool("gb300", 1)), ValueList.Of(online));

    /// <summary>A book with one quiet tenant holding one contract of <paramref name="mw"/> MW at <paramref name="price"/> USD per MW-month.</summary>
    public static Book OneTenant(
        ScenarioSettings scenario,
        int months = 12,
        double mw = 100,
        double price = 1000,
        double takeOrPay = 0,
        TenantRisk? risk = null,
        IEnumerable<Site>? sites = null,
        IEnumerable<Investment>? investments = null) =>
        new(
            "one",
            "provider",
            new Horizon(Start, Start.Plus(months - 1)),
            (sites ?? []).ToValueList(),
            ValueList<RivalryGroup>.Empty,
            ValueList.Of(Tenant("lab", risk ?? Quiet)),
            ValueList.Of(Contract("c1", "lab", months, mw, price, takeOrPay)),
            (investments ?? []).ToValueList(),
            scenario);

    /// <summary>
    /// The shape of the DESIGN example: two rival frontier labs (one with a stake), one smaller
    /// tenant outside the group, a site that grows, default risks on, regimes switching.
    /// </summary>
    public static Book Rivals(int months = 24, int paths = 2000)
    {
        var risk = TenantRisk.Default with { StrengthVolatility = 0.08, DefaultHazardBoom = Rate.PerYear(0.05), DefaultHazardCooling = Rate.PerYear(0.2), DriftHazard = Rate.PerYear(0.3) };
        return new Book(
            "rivals",
            "provider",
            new Horizon(Start, Start.Plus(months - 1)),
            ValueList.Of(Site("s1", 10e6, 20_000, new MwStep(Start, 5000), new MwStep(Start.Plus(6), 8000))),
            ValueList.Of(new RivalryGroup("frontier", "Frontier labs")),
            ValueList.Of(
                Tenant("alpha", risk with { InitialShareFraction = 0.4 }, "frontier"),
                Tenant("beta", risk with { InitialShareFraction = 0.6 }, "frontier"),
                Tenant("gamma", risk)),
            ValueList.Of(
                Contract("alpha-1", "alpha", months, 2000, 150_000, 0.5),
                Contract("beta-1", "beta", months, 5000, 150_000, 0.5),
                Contract("gamma-1", "gamma", months, 500, 180_000, 0.2)),
            ValueList.Of(new Investment("stake", "beta", 25e9, 0.1, 250e9, 1.2, null)),
            ScenarioSettings.Default with { Paths = paths, Seed = 7 });
    }
}
