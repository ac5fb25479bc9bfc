namespace Quartermaster.Documents;

/// <summary>The payoff of both books on common random numbers (the same futures), and the paired difference, new minus old.</summary>
/// <param name="Paths">Futures simulated for each book.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="Old">The old book's payoff statistics (NPV per path, stakes included), US dollars.</param>
/// <param name="New">The new book's payoff statistics, US dollars.</param>
/// <param name="Difference">Payoff of the new book minus payoff of the old, path by path ("b" is the new book).</param>
public sealed record DiffRisk(int Paths, ulong Seed, PayoffStatistics Old, PayoffStatistics New, PayoffDifference Difference);
