namespace Quartermaster.Analysis;

/// <summary>A tenant's planned revenue (price x allocated MW, summed over contract-months, undiscounted) in two books.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="OldUsd">Its revenue in the old book's plan, US dollars (0 when it is not in the old book).</param>
/// <param name="NewUsd">Its revenue in the new book's plan, US dollars.</param>
/// <param name="DeltaUsd">New minus old, US dollars.</param>
public sealed record TenantRevenueChange(string TenantId, double OldUsd, double NewUsd, double DeltaUsd);
