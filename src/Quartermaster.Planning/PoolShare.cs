namespace Quartermaster.Planning;

/// <summary>The fraction of a contract's MW in one pool: one entry of a placement's shape.</summary>
/// <param name="Pool">Model index of the pool.</param>
/// <param name="Fraction">Fraction of the contract's MW in the pool, in (0, 1].</param>
internal readonly record struct PoolShare(int Pool, double Fraction)
{
    /// <summary>The shape of <paramref name="rows"/> (sorted by pool): each pool's MW over their total; null when empty.</summary>
    public static PoolShare[]? ShapeOf(ReadOnlySpan<PoolMw> rows)
    {
        var total = 0.0;
        foreach (var row in rows)
        {
            total += row.Mw;
        }
        if (!(total > 0))
        {
            return null;
        }
        var shape = new PoolShare[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            shape[i] = new PoolShare(rows[i].Pool, rows[i].Mw / total);
        }
        return shape;
    }

    /// <summary>Orders shapes: none first, then entry by entry (pool, then fraction), then the shorter.</summary>
    public static int Compare(PoolShare[]? a, PoolShare[]? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = a[i].Pool.CompareTo(b[i].Pool);
            if (order == 0)
            {
                order = a[i].Fraction.CompareTo(b[i].Fraction);
            }
            if (order != 0)
            {
                return order;
            }
        }
        return a.Length.CompareTo(b.Length);
    }
}
