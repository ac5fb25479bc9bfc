namespace Quartermaster.Core;

/// <summary>
/// The output of planning a book: per month, the MW of each contract in each chip pool, the fill of
/// every contract-month, the idle capacity of every site-month, and the reason for every shortfall.
/// A value: two plans with the same content are equal. Rows are sorted by month, then by ids (ordinal).
/// </summary>
/// <param name="Policy">The policy the plan follows.</param>
/// <param name="Months">The months planned, in order.</param>
/// <param name="Allocations">Positive allocations, one row per contract, chip pool and month.</param>
/// <param name="Fills">One row per contract per planned month inside the contract's term.</param>
/// <param name="Idle">One row per site per planned month.</param>
/// <param name="Shortfalls">One row per contract-month whose fill ratio is below 1.</param>
/// <param name="HallAllocations">
/// The same MW hall by hall, for the months where dedicated-hall isolation applies and the sites where a
/// dedicated-hall contract could be placed; empty when no dedicated-hall contract has an active rival.
/// </param>
public sealed record Plan(
    AllocationPolicy Policy,
    ValueList<Month> Months,
    ValueList<Allocation> Allocations,
    ValueList<ContractFill> Fills,
    ValueList<SiteIdle> Idle,
    ValueList<Shortfall> Shortfalls,
    ValueList<HallAllocation> HallAllocations)
{
    /// <summary>x[contract, site, month]: MW of the contract at the site that month, summed over chip pools.</summary>
    public double SiteMw(string contractId, string siteId, Month month) =>
        Allocations.Where(a => a.Month == month && a.ContractId == contractId && a.SiteId == siteId).Sum(a => a.Mw);

    /// <summary>The fill row of a contract in a month.</summary>
    /// <exception cref="KeyNotFoundException">The month is outside the contract's term or the plan.</exception>
    public ContractFill Fill(string contractId, Month month)
    {
        foreach (var fill in Fills.AsSpan())
        {
            if (fill.Month == month && fill.ContractId == contractId)
            {
                return fill;
            }
        }
        throw new KeyNotFoundException($"no fill for contract '{contractId}' in {month}");
    }

    /// <summary>Revenue of the plan in US dollars: price per MW-month times allocated MW, summed over contract-months.</summary>
    public double RevenueUsd(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var price = book.Contracts.ToDictionary(c => c.Id, c => c.PricePerMwMonthUsd, StringComparer.Ordinal);
        return Fills.Sum(f => price[f.ContractId] * f.AllocatedMw);
    }
}
