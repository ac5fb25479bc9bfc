using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>A tenant's allocations in one month of a plan.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="TotalMw">MW allocated to the tenant that month, all contracts and sites.</param>
/// <param name="Rows">Per contract, site and chip pool.</param>
public sealed record MonthAllocations(string Month, double TotalMw, IReadOnlyList<AllocationRow> Rows);
