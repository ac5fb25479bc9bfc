namespace Quartermaster.Stress;

/// <summary>
/// A human label and a one-line definition for every input of the stress model (by its book key), every tornado
/// input and every figure the results report, so reports and <c>--help</c> never show a bare key.
/// </summary>
public static class StressGlossary
{
    /// <summary>Every entry, inputs first (scenario, tenant risk, sites, contracts, investments), then the figures reported.</summary>
    public static IReadOnlyList<GlossaryEntry> Entries { get; } =
    [
        new("seed", "Random seed", "Seed of the random streams: the same book and seed give the same results."),
        new("paths", "Simulated futures", "Number of futures (paths) simulated month by month."),
        new("policy", "Allocation policy", "The rule that divides capacity when commitments exceed it; the stress runs on the plan it gives."),
        new("discount_rate", "Discount rate", "Yearly rate at which every cash flow is discounted to the start of the horizon."),
        new("start_regime", "Sector state at the start", "Whether the sector is booming or cooling in the first month."),
        new("boom_to_cooling", "Chance a boom turns to cooling", "Chance per period that a booming sector starts to cool."),
        new("cooling_to_boom", "Chance a cooling turns back to boom", "Chance per period that a cooling sector booms again."),
        new("boom.growth", "Sector growth while booming", "Yearly growth of AI compute demand (the sector index) while the sector booms."),
        new("boom.volatility", "Sector volatility while booming", "Yearly volatility of the sector index while the sector booms."),
        new("cooling.growth", "Sector growth while cooling", "Yearly growth (negative: decline) of the sector index while the sector cools."),
        new("cooling.volatility", "Sector volatility while cooling", "Yearly volatility of the sector index while the sector cools."),
        new("sector_ceiling", "Ceiling on sector demand", "The most the sector index can grow to, as a multiple of today's demand; growth slows as demand nears it."),
        new("either_way_max_loss_probability", "Loss threshold for \"wins either way\"", "The largest chance of loss, in every outcome of the win-either-way table, with which the book is said to win either way."),
        new("initial_share", "Starting share of the rivalry", "The tenant's share of its rivalry group's demand at the start."),
        new("strength_volatility", "Volatility of a lab's strength", "Monthly standard deviation of the random walk that moves shares between rival labs."),
        new("drift_hazard", "Tenants' chance of moving demand to another cloud", "Chance per period that a tenant moves part of its demand to another provider."),
        new("drift_fraction", "Demand moved at each move", "Fraction of its remaining demand a tenant moves away at each such move."),
        new("default_hazard_boom", "Chance of default while booming", "Chance per period that the tenant defaults while the sector booms."),
        new("default_hazard_cooling", "Chance of default while cooling", "Chance per period that the tenant defaults while the sector cools."),
        new("default_hazard", "Tenants' chance of default", "Every tenant's chance of default, in both sector states."),
        new("recovery", "Recovery on default", "Fraction of the take-or-pay still due that a defaulting tenant pays."),
        new("demand", "Tenants' demand against their commitments", "A tenant's demand when the sector index is 1, as a fraction of the capacity it committed to."),
        new("capex", "Capital cost of sites (facility and IT equipment)", "Facility cost per MW (shell, power, cooling), paid once as capacity comes online; in the tornado, IT equipment moves with it."),
        new("it_capex", "IT equipment cost", "Accelerators, servers and network per MW, bought as capacity comes online and again at every refresh."),
        new("it_purchase", "When IT equipment is bought", "With capacity as it comes online, or with the contracts that use it (idle shells get no chips)."),
        new("refresh_years", "IT refresh cycle", "Years after which the IT equipment of a site is bought again."),
        new("facility_life_years", "Facility life", "Years over which a site's facility cost is depreciated straight-line; what is left at the horizon is residual value."),
        new("residual_value", "Residual value", "Book value of facilities and IT equipment at the horizon's end, discounted; in the operating book, not in its cash."),
        new("opex", "Operating cost", "Cost per MW of online capacity per month: power, staff, maintenance."),
        new("price", "Contract prices", "Price a tenant pays per MW-month of capacity it uses (at least the take-or-pay share of its commitment)."),
        new("take_or_pay", "Take-or-pay share", "Share of the committed capacity a tenant pays for whether it uses it or not."),
        new("amount", "Amount invested", "Dollars paid for the stake, at its date."),
        new("ownership", "Ownership", "Fraction of the tenant the stake owns."),
        new("valuation", "Valuation at purchase", "The tenant's valuation when the stake is bought."),
        new("beta", "Equity beta", "How strongly the tenant's valuation moves with its demand index (sector times its share)."),
        new("date", "Date of the stake", "Month the stake is bought: the amount is paid then and its value moves from then."),
        new("valuation_cap", "Valuation cap", "The most the tenant's valuation can reach at the horizon."),
        new("operating", "Operating book", "The contracts: revenue less opex and capex plus the residual value at the horizon, discounted to the start of the horizon."),
        new("stakes", "Stakes", "The equity stakes: their discounted value at the horizon less the amounts paid, each discounted from its date."),
        new("total", "Whole book", "The operating book plus the stakes."),
        new("mean", "Mean", "The average over all simulated futures, with its 95% confidence interval from Monte Carlo error."),
        new("p5", "5th percentile", "95% of futures do at least this well."),
        new("var95", "Value at risk (95%)", "The loss exceeded in only 5% of futures (minus the 5th percentile)."),
        new("cvar95", "Expected loss in the worst 5%", "The average loss over the worst 5% of futures."),
        new("p_loss", "Chance of a loss", "Fraction of futures in which the payoff is below zero."),
        new("win_either_way", "Win either way", "Payoff and chance of loss by how the horizon ends: which rival leads, and whether the sector has cooled."),
        new("payback", "Payback month", "The month from which the operating book's cumulative cash stays at or above zero."),
        new("operating_irr", "Operating IRR", "The yearly rate of return of the operating book's cash by calendar year."),
    ];

    private static readonly Dictionary<string, GlossaryEntry> ByKey = Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);

    /// <summary>The entry of <paramref name="key"/>, or null when the glossary has none.</summary>
    public static GlossaryEntry? Of(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The human label of <paramref name="key"/>; the key itself when the glossary has no entry.</summary>
    public static string Label(string key) => ByKey.TryGetValue(key, out var entry) ? entry.Label : key;
}
