namespace Quartermaster.Documents;

/// <summary>How concentrated a stress run's expected revenue is across tenants.</summary>
/// <param name="RevenueHhi">Herfindahl-Hirschman index of expected revenue over tenants, 0 to 1 (1: a single tenant).</param>
/// <param name="TopTenantId">Id of the tenant with the largest expected revenue, or null when the book has none.</param>
/// <param name="TopTenantShare">Its share of expected revenue, 0 to 1.</param>
/// <param name="Tenants">Expected revenue per tenant, in book order.</param>
public sealed record RevenueConcentration(double RevenueHhi, string? TopTenantId, double TopTenantShare, IReadOnlyList<TenantRevenueMean> Tenants);
