namespace Quartermaster.Core;

/// <summary>The declared rule for dividing a shortage between contracts.</summary>
public enum AllocationPolicy
{
    /// <summary>Lexicographic max-min fairness of fill ratios (<c>max-min</c>); the neutral default.</summary>
    MaxMin,

    /// <summary>
    /// One common fill ratio for every contract of an eligibility component (contracts linked by chip pools they may
    /// both use): the highest ratio every member can get (<c>pro-rata</c>). See docs/planning.md.
    /// </summary>
    ProRata,

    /// <summary>Max-min fairness of fill ratio divided by the contract's weight (<c>weighted</c>).</summary>
    Weighted,

    /// <summary>Maximise price times MW (<c>revenue-max</c>); not neutral, and the audit says so.</summary>
    RevenueMax,

    /// <summary>Serve tenants the provider holds stakes in first (<c>favour-stakes</c>); a what-if the audit must catch.</summary>
    FavourStakes,
}

/// <summary>Book names of <see cref="AllocationPolicy"/> values.</summary>
public static class AllocationPolicyNames
{
    private static readonly (AllocationPolicy Policy, string Name)[] Names =
    [
        (AllocationPolicy.MaxMin, "max-min"),
        (AllocationPolicy.ProRata, "pro-rata"),
        (AllocationPolicy.Weighted, "weighted"),
        (AllocationPolicy.RevenueMax, "revenue-max"),
        (AllocationPolicy.FavourStakes, "favour-stakes"),
    ];

    /// <summary>All names, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>The book name of <paramref name="policy"/>.</summary>
    public static string ToName(this AllocationPolicy policy) => Names.First(n => n.Policy == policy).Name;

    /// <summary>Looks up a policy by its book name.</summary>
    public static bool TryParse(string? name, out AllocationPolicy policy)
    {
        foreach (var (p, n) in Names)
        {
            if (n == name)
            {
                policy = p;
                return true;
            }
        }
        policy = default;
        return false;
    }
}
