using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>What one investment is worth at the horizon across paths, and how often its valuation cap binds.</summary>
/// <param name="InvestmentId">The investment.</param>
/// <param name="TenantId">The tenant invested in.</param>
/// <param name="Date">Month it is bought (null: at the start of the horizon).</param>
/// <param name="AmountUsd">Dollars paid.</param>
/// <param name="ValuationCapUsd">The cap on the tenant's valuation at the horizon.</param>
/// <param name="MeanValueUsd">Mean value of the stake at the horizon, undiscounted (0 on paths where the tenant defaulted).</param>
/// <param name="ProbabilityCapBinds">Fraction of paths where the tenant's valuation would have passed the cap.</param>
public sealed record StakeOutcome(
    string InvestmentId,
    string TenantId,
    Month? Date,
    double AmountUsd,
    double ValuationCapUsd,
    double MeanValueUsd,
    double ProbabilityCapBinds);
