namespace Quartermaster.Planning;

/// <summary>The pool-level allocation of one month, as both planners produce it before it becomes a <see cref="Plan"/>.</summary>
/// <param name="Month">The month.</param>
/// <param name="PoolCapacity">MW online in each model pool.</param>
/// <param name="Pools">MW of each contract in each pool, sorted by contract then pool.</param>
/// <param name="Halls">MW of each contract in each hall of each pool, for the sites placed hall by hall (months where
/// dedicated-hall isolation applies); null otherwise.</param>
/// <param name="Shapes">Each model contract's spread over pools (see <see cref="LastMonth.ShapeOf"/>), shared by the
/// contracts placed as one unit; null to derive each contract's own from <paramref name="Pools"/>.</param>
internal sealed record MonthAllocation(Month Month, double[] PoolCapacity, List<PoolMw> Pools, List<HallMw>? Halls = null, PoolShare[]?[]? Shapes = null);

/// <summary>MW of one contract in one hall of one pool.</summary>
/// <param name="Contract">Model index of the contract.</param>
/// <param name="Pool">Model index of the pool.</param>
/// <param name="Hall">Hall number at the pool's site, from 0.</param>
/// <param name="Mw">Megawatts, positive.</param>
internal readonly record struct HallMw(int Contract, int Pool, int Hall, double Mw);
