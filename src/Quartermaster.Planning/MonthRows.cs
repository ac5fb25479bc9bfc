namespace Quartermaster.Planning;

/// <summary>The plan rows of one month, before months are concatenated into a <see cref="Plan"/>.</summary>
/// <param name="Month">The month.</param>
/// <param name="Allocations">Its allocation rows.</param>
/// <param name="Fills">Its fill rows.</param>
/// <param name="Idle">Its site rows.</param>
/// <param name="Shortfalls">Its shortfall rows.</param>
/// <param name="Halls">Its hall rows.</param>
internal sealed record MonthRows(Month Month, List<Allocation> Allocations, List<ContractFill> Fills, List<SiteIdle> Idle, List<Shortfall> Shortfalls, List<HallAllocation> Halls);
