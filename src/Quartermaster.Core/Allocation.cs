namespace Quartermaster.Core;

/// <summary>
/// MW of one contract placed in one chip pool of one site in one month. The design's
/// x[contract, site, month] is the sum of a contract's rows at a site (one row per chip pool used).
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="ContractId">Id of the contract served.</param>
/// <param name="TenantId">Id of the contract's tenant (so a tenant's rows can be selected without the book).</param>
/// <param name="SiteId">Id of the site serving it.</param>
/// <param name="Chip">Chip type of the pool used.</param>
/// <param name="Mw">Megawatts allocated; always positive (zero rows are omitted).</param>
public readonly record struct Allocation(Month Month, string ContractId, string TenantId, string SiteId, string Chip, double Mw);
