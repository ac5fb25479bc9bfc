using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>The inputs a tornado varies by default, with their steps (see docs/stress-model.md).</summary>
public static class TornadoInputs
{
    /// <summary>
    /// Sector growth ±5 pp/yr; volatilities, switch probabilities and hazards ±25% of their value; discount rate
    /// ±2 pp/yr; every price, demand fraction and capital cost ±10%; the sector ceiling ±25% (when the book sets one).
    /// </summary>
    public static IReadOnlyList<TornadoInput> Default { get; } =
    [
        Input("boom.growth", "±5 pp/yr", (b, d) => b with { Scenario = b.Scenario with { Boom = b.Scenario.Boom with { Growth = Shift(b.Scenario.Boom.Growth, d * 0.05) } } }),
        Input("cooling.growth", "±5 pp/yr", (b, d) => b with { Scenario = b.Scenario with { Cooling = b.Scenario.Cooling with { Growth = Shift(b.Scenario.Cooling.Growth, d * 0.05) } } }),
        Input("boom.volatility", "±25%", (b, d) => b with { Scenario = b.Scenario with { Boom = b.Scenario.Boom with { Volatility = Stretch(b.Scenario.Boom.Volatility, 1 + (d * 0.25)) } } }),
        Input("cooling.volatility", "±25%", (b, d) => b with { Scenario = b.Scenario with { Cooling = b.Scenario.Cooling with { Volatility = Stretch(b.Scenario.Cooling.Volatility, 1 + (d * 0.25)) } } }),
        Input("boom_to_cooling", "±25%", (b, d) => b with { Scenario = b.Scenario with { BoomToCooling = Scale(b.Scenario.BoomToCooling, 1 + (d * 0.25)) } }),
        Input("cooling_to_boom", "±25%", (b, d) => b with { Scenario = b.Scenario with { CoolingToBoom = Scale(b.Scenario.CoolingToBoom, 1 + (d * 0.25)) } }),
        Input("default_hazard", "±25%", (b, d) => WithRisk(b, r => r with
        {
            DefaultHazardBoom = Scale(r.DefaultHazardBoom, 1 + (d * 0.25)),
            DefaultHazardCooling = Scale(r.DefaultHazardCooling, 1 + (d * 0.25)),
        })),
        Input("drift_hazard", "±25%", (b, d) => WithRisk(b, r => r with { DriftHazard = Scale(r.DriftHazard, 1 + (d * 0.25)) })),
        Input("discount_rate", "±2 pp/yr", (b, d) => b with { Scenario = b.Scenario with { DiscountRate = Shift(b.Scenario.DiscountRate, d * 0.02) } }),
        Input("price", "±10%", (b, d) => b with { Contracts = b.Contracts.Select(c => c with { PricePerMwMonthUsd = c.PricePerMwMonthUsd * (1 + (d * 0.10)) }).ToValueList() }),
        Input("demand", "±10%", (b, d) => WithRisk(b, r => r with { DemandFraction = r.DemandFraction * (1 + (d * 0.10)) })),
        Input("capex", "±10%", (b, d) => b with
        {
            Sites = b.Sites.Select(s => s with { CapexPerMwUsd = s.CapexPerMwUsd * (1 + (d * 0.10)), ItCapexPerMwUsd = s.ItCapexPerMwUsd * (1 + (d * 0.10)) }).ToValueList(),
        }),
        Input("sector_ceiling", "±25%", (b, d) => b with
        {
            Scenario = b.Scenario with { SectorCeiling = b.Scenario.SectorCeiling is { } ceiling ? Math.Max(1, ceiling * (1 + (d * 0.25))) : null },
        }),
    ];

    /// <summary>The rate moved by <paramref name="perYear"/> (a fraction per year), kept in the period the book wrote it in.</summary>
    public static Rate Shift(Rate rate, double perYear) =>
        rate with { Fraction = rate.Fraction + (rate.Period == RatePeriod.Year ? perYear : perYear / 12) };

    /// <summary>The rate times <paramref name="factor"/>.</summary>
    public static Rate Stretch(Rate rate, double factor) => rate with { Fraction = rate.Fraction * factor };

    /// <summary>The probability times <paramref name="factor"/>, capped at 1 (a probability never exceeds 100%).</summary>
    public static Rate Scale(Rate rate, double factor) => rate with { Fraction = Math.Min(1, rate.Fraction * factor) };

    private static TornadoInput Input(string key, string step, Func<Book, int, Book> apply) => new(key, StressGlossary.Label(key), step, apply);

    private static Book WithRisk(Book book, Func<TenantRisk, TenantRisk> change) =>
        book with { Tenants = book.Tenants.Select(t => t with { Risk = change(t.Risk) }).ToValueList() };
}
