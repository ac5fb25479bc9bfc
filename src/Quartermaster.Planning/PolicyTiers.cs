namespace Quartermaster.Planning;

/// <summary>
/// Priority tiers of the non-neutral policies. Within a tier contracts share by max-min; a tier is
/// filled as far as it can go before the next one starts.
/// </summary>
internal static class PolicyTiers
{
    /// <summary>
    /// The tier of each contract of <paramref name="contracts"/>: all 0 for the neutral policies;
    /// rank of price, highest first, under <c>revenue-max</c>; 0 for tenants with a stake and 1 for the rest under <c>favour-stakes</c>.
    /// </summary>
    /// <remarks>
    /// Revenue-max by price tiers is exact: the MW vectors a month can serve form a polymatroid
    /// (a set of contracts can get at most the capacity of the pools it may use), and on a polymatroid
    /// filling in descending order of price maximises the priced sum. Equal prices share by max-min.
    /// </remarks>
    public static int[] Of(Book book, IReadOnlyList<Contract> contracts, AllocationPolicy policy)
    {
        switch (policy)
        {
            case AllocationPolicy.RevenueMax:
                var prices = contracts.Select(c => c.PricePerMwMonthUsd).Distinct().OrderDescending().ToList();
                return [.. contracts.Select(c => prices.IndexOf(c.PricePerMwMonthUsd))];
            case AllocationPolicy.FavourStakes:
                var staked = book.Investments.Where(i => i.AmountUsd > 0 || i.OwnershipFraction > 0)
                    .Select(i => i.Tenant).ToHashSet(StringComparer.Ordinal);
                return [.. contracts.Select(c => staked.Contains(c.Tenant) ? 0 : 1)];
            default:
                return new int[contracts.Count];
        }
    }
}
