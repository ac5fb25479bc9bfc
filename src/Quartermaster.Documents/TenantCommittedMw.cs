namespace Quartermaster.Documents;

/// <summary>One tenant's committed capacity over the horizon.</summary>
/// <param name="TenantId">Id of the tenant.</param>
/// <param name="Mw">MW committed in each month, summed over its contracts.</param>
public sealed record TenantCommittedMw(string TenantId, IReadOnlyList<double> Mw);
