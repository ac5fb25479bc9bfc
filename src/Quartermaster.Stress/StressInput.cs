using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// What a scenario run stresses: a book and the MW the plan allocates to each of its contracts in
/// each month. The plan is an input, not recomputed per path: demand varies by path, capacity does not.
/// </summary>
/// <param name="Book">The book.</param>
/// <param name="AllocatedMwByContract">
/// One array per contract of <see cref="Book.Contracts"/>, in the same order, with one entry per
/// horizon month (MW, not negative; <see cref="double.PositiveInfinity"/> means no capacity limit).
/// </param>
public sealed record StressInput(Book Book, IReadOnlyList<double[]> AllocatedMwByContract)
{
    /// <summary>An input where every contract gets its committed MW in every month (a plan with no shortage).</summary>
    public static StressInput Committed(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return FromRule(book, (c, month) => c.CommittedMw(month));
    }

    /// <summary>An input with no capacity limit: used MW is the tenant's whole demand, however high.</summary>
    public static StressInput Unlimited(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return FromRule(book, (_, _) => double.PositiveInfinity);
    }

    /// <summary>An input where contract <c>c</c> gets <c>mw(c, month)</c> in each horizon month.</summary>
    public static StressInput FromRule(Book book, Func<Contract, Month, double> mw)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(mw);
        var months = book.Horizon.Months().ToArray();
        return new StressInput(book, [.. book.Contracts.Select(c => months.Select(m => mw(c, m)).ToArray())]);
    }

    /// <summary>
    /// Problems that make the input unusable (wrong counts, negative or NaN MW, unknown tenants, settings a book could not
    /// hold such as a sector ceiling below 1); empty when it is valid.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var months = Book.Horizon.MonthCount;
        if (AllocatedMwByContract.Count != Book.Contracts.Count)
        {
            problems.Add($"{AllocatedMwByContract.Count} allocation arrays for {Book.Contracts.Count} contracts");
            return problems;
        }
        for (var c = 0; c < Book.Contracts.Count; c++)
        {
            var mw = AllocatedMwByContract[c];
            if (mw.Length != months)
            {
                problems.Add($"contract '{Book.Contracts[c].Id}': {mw.Length} months of allocation for a {months}-month horizon");
            }
            else if (mw.Any(v => double.IsNaN(v) || v < 0))
            {
                problems.Add($"contract '{Book.Contracts[c].Id}': allocation is negative or not a number");
            }
        }
        var tenants = Book.Tenants.Select(t => t.Id).ToHashSet();
        problems.AddRange(Book.Contracts.Where(c => !tenants.Contains(c.Tenant)).Select(c => $"contract '{c.Id}': unknown tenant '{c.Tenant}'"));
        problems.AddRange(Book.Investments.Where(i => !tenants.Contains(i.Tenant)).Select(i => $"investment '{i.Id}': unknown tenant '{i.Tenant}'"));
        problems.AddRange(Book.Investments.Where(i => !(i.ValuationCapUsd > 0) || !double.IsFinite(i.ValuationUsd) || !double.IsFinite(i.AmountUsd))
            .Select(i => $"investment '{i.Id}': amount and valuation must be finite and the valuation cap above 0"));
        if (Book.Scenario.SectorCeiling is { } ceiling && !(ceiling >= 1))
        {
            problems.Add($"scenario: the sector ceiling must be at least 1 (today's demand), got {ceiling}");
        }
        problems.AddRange(Book.Sites.Where(s => !(s.ItCapexPerMwUsd >= 0) || !(s.ItRefreshYears > 0))
            .Select(s => $"site '{s.Id}': IT capex must not be negative and the refresh must be above 0 years"));
        return problems;
    }
}
