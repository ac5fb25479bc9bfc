namespace Quartermaster.Documents;

/// <summary>One tenant's fill ratio over the horizon.</summary>
/// <param name="TenantId">Id of the tenant.</param>
/// <param name="Ratio">Per month, allocated / committed MW over its contracts (0 to 1), or null when nothing is committed.</param>
public sealed record TenantFillRatios(string TenantId, IReadOnlyList<double?> Ratio);
