namespace Quartermaster.Analysis;

/// <summary>Concentration of expected revenue over tenants, before and after the proposal (from the stress runs).</summary>
/// <param name="OldHhi">Herfindahl-Hirschman index of expected revenue today, 0 to 1.</param>
/// <param name="NewHhi">The index with the proposal signed.</param>
/// <param name="OldTopTenant">Display name of the tenant with the largest expected revenue today, or null.</param>
/// <param name="OldTopTenantShare">Its share of expected revenue, 0 to 1.</param>
/// <param name="NewTopTenant">Display name of the largest tenant with the proposal signed, or null.</param>
/// <param name="NewTopTenantShare">Its share, 0 to 1.</param>
public sealed record ConcentrationChange(double OldHhi, double NewHhi, string? OldTopTenant, double OldTopTenantShare, string? NewTopTenant, double NewTopTenantShare);
