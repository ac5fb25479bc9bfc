namespace Quartermaster.Server;

/// <summary>A tenant's allocations by month from the latest plan of a book.</summary>
/// <param name="BookId">The book.</param>
/// <param name="PlanId">The plan read.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Months">Months with any allocation, in order.</param>
public sealed record TenantAllocations(string BookId, string PlanId, string TenantId, IReadOnlyList<MonthAllocations> Months);
