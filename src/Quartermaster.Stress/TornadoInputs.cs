using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>The inputs a tornado varies by default, with their steps (see docs/stress-model.md).</summary>
public static class TornadoInputs
{
    /// <summary>
    /// Sector growth ±5 pp/yr; volatilities, switch probabilities and hazards ±25% of their value;
    /// discount rate ±2 pp/yr; every price and every demand fraction ±10%.
    /// </summary>
    public static IReadOnlyList<TornadoInput> Default { get; } =
    [
        new("boom.growth", "±5 pp/yr", (b, d) => b with { Scenario = b.Scenario with { Boom = b.Scenario.Boom with { Growth = Shift(b.Scenario.Boom.Growth, d * 0.05) } } }),
        new("cooling.growth", "±5 pp/yr", (b, d) => b with { Scenario = b.Scenario with { Cooling = b.Scenario.Cooling with { Growth = Shift(b.Scenario.Cooling.Growth, d * 0.05) } } }),
        new("boom.volatility", "±25%", (b, d) => b with { Scenario = b.Scenario with { Boom = b.Scenario.Boom with { Volatility = Stretch(b.Scenario.Boom.Volatility, 1 + (d * 0.25)) } } }),
        new("cooling.volatility", "±25%", (b, d) => b with { Scenario = b.Scenario with { Cooling = b.Scenario.Cooling with { Volatility = Stretch(b.Scenario.Cooling.Volatility, 1 + (d * 0.25)) } } }),
        new("boom_to_cooling", "±25%", (b, d) => b with { Scenario = b.Scenario with { BoomToCooling = Scale(b.Scenario.BoomToCooling, 1 + (d * 0.25)) } }),
        new("cooling_to_boom", "±25%", (b, d) => b with { Scenario = b.Scenario with { CoolingToBoom = Scale(b.Scenario.CoolingToBoom, 1 + (d * 0.25)) } }),
        new("default_hazard", "±25%", (b, d) => WithRisk(b, r => r with
        {
            DefaultHazardBoom = Scale(r.DefaultHazardBoom, 1 + (d * 0.25)),
            DefaultHazardCooling = Scale(r.DefaultHazardCooling, 1 + (d * 0.25)),
        })),
        new("drift_hazard", "±25%", (b, d) => WithRisk(b, r => r with { DriftHazard = Scale(r.DriftHazard, 1 + (d * 0.25)) })),
        new("discount_rate", "±2 pp/yr", (b, d) => b with { Scenario = b.Scenario with { DiscountRate = Shift(b.Scenario.DiscountRate, d * 0.02) } }),
        new("price", "±10%", (b, d) => b with { Contracts = b.Contracts.Select(c => c with { PricePerMwMonthUsd = c.PricePerMwMonthUsd * (1 + (d * 0.10)) }).ToValueList() }),
        new("demand", "±10%", (b, d) => WithRisk(b, r => r with { DemandFraction = r.DemandFraction * (1 + (d * 0.10)) })),
    ];

    /// <summary>The rate moved by <paramref name="perYear"/> (a fraction per year), kept in the period the book wrote it in.</summary>
    public static Rate Shift(Rate rate, double perYear) =>
        rate with { Fraction = rate.Fraction + (rate.Period == RatePeriod.Year ? perYear : perYear / 12) };

    /// <summary>The rate times <paramref name="factor"/>.</summary>
    public static Rate Stretch(Rate rate, double factor) => rate with { Fraction = rate.Fraction * factor };

    /// <summary>The probability times <paramref name="factor"/>, capped at 1 (a probability never exceeds 100%).</summary>
    public static Rate Scale(Rate rate, double factor) => rate with { Fraction = Math.Min(1, rate.Fraction * factor) };

    private static Book WithRisk(Book book, Func<TenantRisk, TenantRisk> change) =>
        book with { Tenants = book.Tenants.Select(t => t with { Risk = change(t.Risk) }).ToValueList() };
}
