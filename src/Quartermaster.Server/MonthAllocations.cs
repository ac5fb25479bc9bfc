using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>A tenant's allocations in one month of a plan.</summary>
/// <param name="Month">The month.</param>
/// <param name="TotalMw">MW allocated to the tenant that month, all contracts and sites.</param>
/// <param name="Rows">Per contract, site and chip pool.</param>
public sealed record MonthAllocations(Month Month, double TotalMw, IReadOnlyList<Allocation> Rows);
