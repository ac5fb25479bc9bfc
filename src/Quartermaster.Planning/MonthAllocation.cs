namespace Quartermaster.Planning;

/// <summary>The pool-level allocation of one month, as both planners produce it before it becomes a <see cref="Plan"/>.</summary>
/// <param name="Month">The month.</param>
/// <param name="PoolCapacity">MW online in each model pool.</param>
/// <param name="Pools">MW of each contract in each pool, sorted by contract then pool.</param>
internal sealed record MonthAllocation(Month Month, double[] PoolCapacity, List<PoolMw> Pools);
