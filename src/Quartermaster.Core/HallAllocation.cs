namespace Quartermaster.Core;

/// <summary>
/// MW of one contract in one hall of one chip pool in one month: the hall-level detail behind an
/// <see cref="Allocation"/> where dedicated-hall isolation applies. A site's halls are equal and numbered from 0;
/// each holds online / halls MW, split over chip pools like the site.
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="ContractId">Id of the contract.</param>
/// <param name="SiteId">Id of the site.</param>
/// <param name="Chip">Chip type of the pool.</param>
/// <param name="Hall">Hall number at the site, from 0.</param>
/// <param name="Mw">Megawatts, positive.</param>
public readonly record struct HallAllocation(Month Month, string ContractId, string SiteId, string Chip, int Hall, double Mw);
