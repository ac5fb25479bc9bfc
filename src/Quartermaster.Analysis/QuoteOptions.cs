namespace Quartermaster.Analysis;

/// <summary>How a quote stresses the two books.</summary>
/// <param name="Paths">Futures simulated for each book (common random numbers); at least 1.</param>
/// <param name="Seed">Seed of the random streams, or null for the book's scenario seed.</param>
/// <param name="Threads">Worker threads of the stress, or null for every core; results do not depend on it.</param>
public sealed record QuoteOptions(int Paths = QuoteOptions.DefaultPaths, ulong? Seed = null, int? Threads = null)
{
    /// <summary>
    /// The default paths: on the example book a quote then answers in about a second and the paired CI of the change of
    /// P(loss) is about a point wide (docs/deal-desk.md gives the measurements).
    /// </summary>
    public const int DefaultPaths = 2000;
}
