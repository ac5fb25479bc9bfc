namespace Quartermaster.Planning;

/// <summary>The cost of neutrality for one tenant: revenue from its contracts under the audited policy and under <c>revenue-max</c>.</summary>
/// <param name="TenantId">Id of the tenant.</param>
/// <param name="PolicyRevenueUsd">Price times allocated MW over the horizon under the audited policy, US dollars.</param>
/// <param name="RevenueMaxRevenueUsd">The same under <c>revenue-max</c>, US dollars.</param>
public sealed record TenantRevenue(string TenantId, double PolicyRevenueUsd, double RevenueMaxRevenueUsd)
{
    /// <summary>Revenue given up (negative: gained) by following the audited policy rather than revenue-max.</summary>
    public double CostUsd => RevenueMaxRevenueUsd - PolicyRevenueUsd;
}
