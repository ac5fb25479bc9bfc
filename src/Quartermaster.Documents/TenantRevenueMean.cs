namespace Quartermaster.Documents;

/// <summary>A tenant's expected revenue over the horizon in a stress run.</summary>
/// <param name="TenantId">Id of the tenant.</param>
/// <param name="RevenueMean">Mean over paths of its revenue, undiscounted, recoveries included, US dollars.</param>
/// <param name="Share">Its share of the sum over tenants, 0 to 1.</param>
public sealed record TenantRevenueMean(string TenantId, double RevenueMean, double Share);
