using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>
/// The payoff of both books on common random numbers (the same futures), line by line, and the paired difference,
/// new minus old, of the operating book, the stakes and the total.
/// </summary>
/// <param name="Paths">Futures simulated for each book.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="Old">The old book's payoff statistics per line (NPV per path), US dollars.</param>
/// <param name="New">The new book's payoff statistics per line, US dollars.</param>
/// <param name="Difference">Payoff of the new book minus payoff of the old, path by path, per line ("b" is the new book).</param>
public sealed record DiffRisk(int Paths, ulong Seed, PayoffLineStatistics Old, PayoffLineStatistics New, PayoffDifferences Difference)
{
    /// <summary>The risk part of a diff from <paramref name="comparison"/>, whose A is the old book and B the new.</summary>
    public static DiffRisk Of(StressComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var d = comparison.Difference.Select(PayoffDifference.Of);
        return new DiffRisk(comparison.A.Paths, comparison.A.Seed, PayoffLineStatistics.Of(comparison.A.Payoff), PayoffLineStatistics.Of(comparison.B.Payoff),
            new PayoffDifferences(d.Operating, d.Stakes, d.Total));
    }
}

/// <summary>Payoff statistics for each line of the book, US dollars.</summary>
/// <param name="Operating">The operating book (contracts: revenue minus opex and capex, discounted).</param>
/// <param name="Stakes">The stakes (equity at the horizon, discounted, minus each investment at its date).</param>
/// <param name="Total">The whole book: operating book plus stakes.</param>
public sealed record PayoffLineStatistics(PayoffStatistics Operating, PayoffStatistics Stakes, PayoffStatistics Total)
{
    /// <summary>The statistics of <paramref name="payoff"/>.</summary>
    public static PayoffLineStatistics Of(PayoffLines<PayoffSummary> payoff)
    {
        ArgumentNullException.ThrowIfNull(payoff);
        var s = payoff.Select(PayoffStatistics.Of);
        return new(s.Operating, s.Stakes, s.Total);
    }
}
