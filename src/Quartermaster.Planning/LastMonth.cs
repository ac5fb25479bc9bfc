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

    /// <summary>Indexes <paramref name="rows"/> (sorted by contract, then pool) for <paramref name="contracts"/> model contracts.</summary>
    public LastMonth(List<PoolMw> rows, int contracts)
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
    }

    /// <summary>No placement: the first month of a plan.</summary>
    public static LastMonth None(int contracts) => new([], contracts);

    /// <summary>The rows of model contract <paramref name="contract"/>, sorted by pool.</summary>
    public ReadOnlySpan<PoolMw> Of(int contract) =>
        CollectionsMarshal.AsSpan(_rows)[_start[contract].._start[contract + 1]];
}
