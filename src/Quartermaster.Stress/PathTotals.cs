namespace Quartermaster.Stress;

/// <summary>What one simulated path adds to a scenario run's statistics.</summary>
/// <param name="OperatingUsd">The operating book: NPV of the contracts' revenue less opex and capex.</param>
/// <param name="StakesUsd">The stakes: discounted equity at the horizon less the investments, each discounted from its month.</param>
/// <param name="RevenueUsd">Revenue over the horizon, undiscounted, recoveries included.</param>
/// <param name="UsedMwMonths">Sum over months of MW used.</param>
/// <param name="IdleMwMonths">Sum over months of MW online and not used.</param>
/// <param name="Outcome">Horizon outcome code: leaders of the rivalry groups in mixed radix, times 2, plus 1 when cooling.</param>
/// <param name="PaybackMonth">
/// The horizon month (1 to T) from which the cumulative undiscounted operating cash stays at or above 0 to the
/// horizon's end; null when it is below 0 at the end (no payback within the horizon).
/// </param>
/// <param name="OperatingIrr">
/// The yearly internal rate of return of the operating cash flows by calendar year (each year's cash at its last
/// month); -1 when no year brings cash in; null when no year pays cash out (nothing to return on) or no rate
/// between -99.99%/yr and 10,000%/yr sets their NPV to 0.
/// </param>
public readonly record struct PathTotals(
    double OperatingUsd,
    double StakesUsd,
    double RevenueUsd,
    double UsedMwMonths,
    double IdleMwMonths,
    int Outcome,
    int? PaybackMonth,
    double? OperatingIrr)
{
    /// <summary>Operating book plus stakes: the payoff of the whole book on this path.</summary>
    public double PayoffUsd => OperatingUsd + StakesUsd;
}
