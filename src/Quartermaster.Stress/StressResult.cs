using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// The outcome of a scenario run: the payoff distribution of the operating book, the stakes and the total, revenue
/// and idle capacity, concentration, monthly fan charts, the win-either-way table, the operating cash flow by year,
/// the stakes' outcomes and any Monte Carlo warnings. A value: equal runs compare equal, double for double.
/// </summary>
/// <param name="Paths">Number of paths simulated.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="Payoff">Distribution of the payoff per path (USD) of the operating book, the stakes and the total.</param>
/// <param name="MeanRevenueUsd">Mean revenue over the horizon, undiscounted, recoveries included.</param>
/// <param name="MeanIdleGwMonths">Mean over paths of the sum over months of idle GW (online minus used, not below 0).</param>
/// <param name="Utilisation">Expected used MW-months divided by online MW-months (0 when nothing is online).</param>
/// <param name="RevenueHhi">Herfindahl-Hirschman index of expected revenue over tenants, 0 to 1 (1: a single tenant).</param>
/// <param name="TopTenantId">The tenant with the largest expected revenue; null when the book has none.</param>
/// <param name="TopTenantShare">Its share of expected revenue.</param>
/// <param name="Tenants">Expected revenue by tenant, in book order.</param>
/// <param name="MeanRevenueByMonthUsd">Mean revenue in each horizon month (USD, undiscounted, recoveries included).</param>
/// <param name="MeanUsedMwByMonth">Mean MW used in each horizon month.</param>
/// <param name="MeanIdleMwByMonth">Mean MW idle in each horizon month.</param>
/// <param name="Revenue">Monthly revenue fan (USD per month).</param>
/// <param name="UsedMw">Monthly used MW fan.</param>
/// <param name="IdleMw">Monthly idle MW fan.</param>
/// <param name="RivalryGroups">Ids of the rivalry groups with two or more tenants, the columns of <see cref="WinEitherWay"/>.</param>
/// <param name="WinEitherWay">Payoff by horizon outcome, one row per outcome that occurred, by leaders then sector state.</param>
/// <param name="PayoffHistogram">The payoff distributions binned for charts.</param>
/// <param name="CashFlow">The operating book's cash by calendar year, payback month and IRR.</param>
/// <param name="Stakes">Each investment bought within the horizon: its value at the horizon and how often its cap binds.</param>
/// <param name="Costs">Present value of the operating costs (the same on every path).</param>
/// <param name="Warnings">Figures whose Monte Carlo error is too large to trust; empty when there are none.</param>
public sealed record StressResult(
    int Paths,
    ulong Seed,
    PayoffLines<PayoffSummary> Payoff,
    double MeanRevenueUsd,
    double MeanIdleGwMonths,
    double Utilisation,
    double RevenueHhi,
    string? TopTenantId,
    double TopTenantShare,
    ValueList<TenantRevenueShare> Tenants,
    ValueList<double> MeanRevenueByMonthUsd,
    ValueList<double> MeanUsedMwByMonth,
    ValueList<double> MeanIdleMwByMonth,
    ValueList<FanBand> Revenue,
    ValueList<FanBand> UsedMw,
    ValueList<FanBand> IdleMw,
    ValueList<string> RivalryGroups,
    ValueList<WinEitherWayRow> WinEitherWay,
    PayoffLines<PayoffHistogram> PayoffHistogram,
    OperatingCashFlow CashFlow,
    ValueList<StakeOutcome> Stakes,
    OperatingCosts Costs,
    ValueList<MonteCarloWarning> Warnings);
