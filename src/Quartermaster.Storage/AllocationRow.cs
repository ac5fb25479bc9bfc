namespace Quartermaster.Storage;

/// <summary>MW of one contract served from one chip pool of one site in one month.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="ContractId">The contract.</param>
/// <param name="TenantId">The contract's tenant.</param>
/// <param name="SiteId">The site.</param>
/// <param name="Chip">The chip pool.</param>
/// <param name="Mw">Megawatts allocated.</param>
public sealed record AllocationRow(string Month, string ContractId, string TenantId, string SiteId, string Chip, double Mw);
