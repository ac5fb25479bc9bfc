namespace Quartermaster.Core;

/// <summary>The two states of the sector in the stress model.</summary>
public enum Regime
{
    /// <summary>Demand grows.</summary>
    Boom,

    /// <summary>Demand cools.</summary>
    Cooling,
}

/// <summary>Growth and volatility of the sector demand index S_t in one regime.</summary>
/// <param name="Growth">mu_r: drift of log S.</param>
/// <param name="Volatility">sigma_r: volatility of log S.</param>
public sealed record RegimeDynamics(Rate Growth, Rate Volatility);

/// <summary>
/// Settings of a scenario run (the Monte Carlo stress of a book). Every field has a default, documented in docs/stress-model.md.
/// </summary>
/// <param name="Seed">Seed of the counter-based random streams.</param>
/// <param name="Paths">Number of simulated futures.</param>
/// <param name="Policy">Allocation policy used to plan capacity for the stress run.</param>
/// <param name="DiscountRate">Rate used to discount cash flows to the start of the horizon.</param>
/// <param name="StartRegime">Regime in the first month.</param>
/// <param name="BoomToCooling">p_bc: chance per period of switching from boom to cooling.</param>
/// <param name="CoolingToBoom">p_cb: chance per period of switching from cooling to boom.</param>
/// <param name="Boom">Sector dynamics while booming.</param>
/// <param name="Cooling">Sector dynamics while cooling.</param>
/// <param name="SectorCeiling">
/// S_max: the largest the sector demand index S can grow to, as a multiple of its value at the start (S_0 = 1);
/// a positive drift of log S is scaled by (1 - S/S_max). Null means unbounded (the v1 model exactly).
/// </param>
/// <param name="EitherWayMaxLossProbability">
/// The largest chance of loss, in every row of the win-either-way table, with which a summary may say the book
/// "wins either way" (0 to 1).
/// </param>
/// <param name="ItPurchase">
/// When IT equipment is bought: with capacity as it comes online (the default), or with the contracts that use it.
/// </param>
public sealed record ScenarioSettings(
    ulong Seed,
    int Paths,
    AllocationPolicy Policy,
    Rate DiscountRate,
    Regime StartRegime,
    Rate BoomToCooling,
    Rate CoolingToBoom,
    RegimeDynamics Boom,
    RegimeDynamics Cooling,
    double? SectorCeiling = null,
    double EitherWayMaxLossProbability = ScenarioSettings.DefaultEitherWayMaxLossProbability,
    ItPurchase ItPurchase = ItPurchase.WithCapacity)
{
    /// <summary>The default of <see cref="EitherWayMaxLossProbability"/>: 10%.</summary>
    public const double DefaultEitherWayMaxLossProbability = 0.10;

    /// <summary>The defaults.</summary>
    public static ScenarioSettings Default { get; } = new(
        Seed: 1,
        Paths: 10_000,
        Policy: AllocationPolicy.MaxMin,
        DiscountRate: Rate.PerYear(0.08),
        StartRegime: Regime.Boom,
        BoomToCooling: Rate.PerMonth(0.02),
        CoolingToBoom: Rate.PerMonth(0.05),
        Boom: new RegimeDynamics(Rate.PerYear(0.20), Rate.PerYear(0.25)),
        Cooling: new RegimeDynamics(Rate.PerYear(-0.15), Rate.PerYear(0.35)));
}
