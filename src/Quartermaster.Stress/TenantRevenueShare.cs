namespace Quartermaster.Stress;

/// <summary>A tenant's expected revenue over the horizon and its share of the total.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="MeanRevenueUsd">Mean over paths of its revenue, undiscounted, recoveries included.</param>
/// <param name="Share">MeanRevenueUsd divided by the sum over tenants (0 when that sum is 0).</param>
public sealed record TenantRevenueShare(string TenantId, double MeanRevenueUsd, double Share);
