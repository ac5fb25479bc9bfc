using System.Runtime.InteropServices;

namespace Quartermaster.Planning;

/// <summary>
/// Last month's placement indexed by contract, so this month's routing and split can look up where each
/// contract was without building a dictionary per contract per month.
/// </summary>
internal sealed class LastMonth
{
    private readonly List<PoolMw> _rows;
    private readonly int[] _start;
    private readonly PoolShare[]?[] _shapes;

    /// <summary>Indexes <paramref name="month"/>'s placement for <paramref name="contracts"/> model contracts.</summary>
    public LastMonth(MonthAllocation month, int contracts)
        : this(month.Pools, contracts, month.Shapes)
    {
    }

    private LastMonth(List<PoolMw> rows, int contracts, PoolShare[]?[]? shapes)
    {
        _rows = rows;
        _start = new int[contracts + 1];
        foreach (var row in rows)
        {
            _start[row.Contract + 1]++;
        }
        for (var c = 0; c < contracts; c++)
        {
            _start[c + 1] += _start[c];
        }
        _shapes = shapes ?? new PoolShare[]?[contracts];
        if (shapes is null)
        {
            for (var c = 0; c < contracts; c++)
            {
                _shapes[c] = PoolShare.ShapeOf(Of(c));
            }
        }
    }

    /// <summary>No placement: the first month of a plan.</summary>
    public static LastMonth None(int contracts) => new([], contracts, new PoolShare[]?[contracts]);

    /// <summary>The rows of model contract <paramref name="contract"/>, sorted by pool.</summary>
    public ReadOnlySpan<PoolMw> Of(int contract) =>
        CollectionsMarshal.AsSpan(_rows)[_start[contract].._start[contract + 1]];

    /// <summary>
    /// How model contract <paramref name="contract"/> was spread over pools (fractions summing to 1, by pool), or
    /// null when it had no MW. Contracts placed as one unit share the very same array.
    /// </summary>
    public PoolShare[]? ShapeOf(int contract) => _shapes[contract];
}
