namespace Quartermaster.Stress;

/// <summary>What one simulated path adds to a scenario run's statistics.</summary>
/// <param name="PayoffUsd">NPV of revenue less costs, plus discounted equity, less investment.</param>
/// <param name="RevenueUsd">Revenue over the horizon, undiscounted, recoveries included.</param>
/// <param name="UsedMwMonths">Sum over months of MW used.</param>
/// <param name="IdleMwMonths">Sum over months of MW online and not used.</param>
/// <param name="Outcome">Horizon outcome code: leaders of the rivalry groups in mixed radix, times 2, plus 1 when cooling.</param>
public readonly record struct PathTotals(double PayoffUsd, double RevenueUsd, double UsedMwMonths, double IdleMwMonths, int Outcome);
