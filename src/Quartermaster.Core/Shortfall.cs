namespace Quartermaster.Core;

/// <summary>
/// A contract-month served below its commitment, with the capacity that bound it and, when one exists, the capacity
/// that would have filled it.
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="ContractId">Id of the contract.</param>
/// <param name="TenantId">Id of its tenant.</param>
/// <param name="ShortMw">Committed MW not served (positive).</param>
/// <param name="SaturatedPools">
/// The bottleneck, ordered by site id then chip. Under <see cref="ShortfallReason.Capacity"/> and
/// <see cref="ShortfallReason.LowerTier"/>, the min cut: the pools (with capacity online) reachable from the contract
/// in the residual network of the month's final flow; every one is full and no flow path leads from them to capacity
/// with room. Under <see cref="ShortfallReason.CommonRatio"/>, the full pools of the contract's eligibility component;
/// under <see cref="ShortfallReason.HallIsolation"/>, the full pools the contract may use. Empty under
/// <see cref="ShortfallReason.NoEligibleCapacity"/>.
/// </param>
/// <param name="Reason">Why the contract is short: which of the cases above holds.</param>
/// <param name="Counterfactual">
/// MW at one pool that would fill the contract that month; null until explained (the planner leaves it null; see
/// <c>ShortfallCounterfactuals</c> in Quartermaster.Planning), and null when no single pool can fill it.
/// </param>
public sealed record Shortfall(
    Month Month,
    string ContractId,
    string TenantId,
    double ShortMw,
    ValueList<ChipPoolRef> SaturatedPools,
    ShortfallReason Reason = ShortfallReason.Capacity,
    CapacityCounterfactual? Counterfactual = null)
{
    /// <summary>Ids of the sites of <see cref="SaturatedPools"/>, distinct, in order.</summary>
    public IReadOnlyList<string> SaturatedSites => [.. SaturatedPools.Select(p => p.SiteId).Distinct()];
}
