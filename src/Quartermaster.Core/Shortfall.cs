namespace Quartermaster.Core;

/// <summary>
/// A contract-month served below its commitment, with the capacity that bound it.
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="ContractId">Id of the contract.</param>
/// <param name="TenantId">Id of its tenant.</param>
/// <param name="ShortMw">Committed MW not served (positive).</param>
/// <param name="SaturatedPools">
/// The full chip pools that bound the contract: every pool with capacity online that the contract may use and that
/// the plan fills completely; under <c>pro-rata</c>, when none of those is full (the contract is held to its
/// eligibility component's common ratio), the full pools of its component. Empty when the contract has no eligible
/// capacity online that month.
/// </param>
public sealed record Shortfall(Month Month, string ContractId, string TenantId, double ShortMw, ValueList<ChipPoolRef> SaturatedPools)
{
    /// <summary>Ids of the sites of <see cref="SaturatedPools"/>, distinct, in order.</summary>
    public IReadOnlyList<string> SaturatedSites => [.. SaturatedPools.Select(p => p.SiteId).Distinct()];
}
