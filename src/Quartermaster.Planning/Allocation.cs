namespace Quartermaster.Planning;

/// <summary>
/// MW of one contract placed in one chip pool of one site in one month. The design's
/// x[contract, site, month] is the sum of a contract's rows at a site (one row per chip pool used).
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="ContractId">Id of the contract served.</param>
/// <param name="SiteId">Id of the site serving it.</param>
/// <param name="Chip">Chip type of the pool used.</param>
/// <param name="Mw">Megawatts allocated; always positive (zero rows are omitted).</param>
public readonly record struct Allocation(Month Month, string ContractId, string SiteId, string Chip, double Mw);
