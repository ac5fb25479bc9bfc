using System.Text.Json.Serialization;
using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary><c>qm stress A --compare B --json</c>: two books run on common random numbers, and their paired difference (B minus A).</summary>
/// <param name="A">The run of the first book.</param>
/// <param name="B">The run of the second book (<c>--compare</c>).</param>
/// <param name="Difference">The whole book's payoff of B minus that of A, path by path (the same as <c>differences.total</c>).</param>
/// <param name="Differences">The paired difference for each line: operating book, stakes and total.</param>
public sealed record StressComparisonDocument(StressDocument A, StressDocument B, PayoffDifference Difference, PayoffDifferences Differences) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 2;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="comparison"/> of book <paramref name="a"/> with book <paramref name="b"/>.</summary>
    public static StressComparisonDocument Of(StressComparison comparison, Book a, Book b)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var d = comparison.Difference.Select(PayoffDifference.Of);
        return new(StressDocument.Of(comparison.A, a), StressDocument.Of(comparison.B, b), d.Total, new PayoffDifferences(d.Operating, d.Stakes, d.Total));
    }
}

/// <summary>A paired difference for each payoff line.</summary>
/// <param name="Operating">Of the operating book.</param>
/// <param name="Stakes">Of the stakes.</param>
/// <param name="Total">Of the whole book.</param>
public sealed record PayoffDifferences(PayoffDifference Operating, PayoffDifference Stakes, PayoffDifference Total);
