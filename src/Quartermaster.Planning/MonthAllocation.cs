namespace Quartermaster.Planning;

/// <summary>The pool-level allocation of one month, as both planners produce it before it becomes a <see cref="Plan"/>.</summary>
/// <param name="Month">The month.</param>
/// <param name="PoolCapacity">MW online in each model pool.</param>
/// <param name="Pools">MW of each contract in each pool, sorted by contract then pool.</param>
internal sealed record MonthAllocation(Month Month, double[] PoolCapacity, List<PoolMw> Pools);

/// <summary>The plan rows of one month, before months are concatenated into a <see cref="Plan"/>.</summary>
/// <param name="Month">The month.</param>
/// <param name="Allocations">Its allocation rows.</param>
/// <param name="Fills">Its fill rows.</param>
/// <param name="Idle">Its site rows.</param>
/// <param name="Shortfalls">Its shortfall rows.</param>
internal sealed record MonthRows(Month Month, List<Allocation> Allocations, List<ContractFill> Fills, List<SiteIdle> Idle, List<Shortfall> Shortfalls);
