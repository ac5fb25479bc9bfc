using System.Text.Json.Serialization;
using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary><c>qm stress A --compare B --json</c>: two books run on common random numbers, and their paired difference (B minus A).</summary>
/// <param name="A">The run of the first book.</param>
/// <param name="B">The run of the second book (<c>--compare</c>).</param>
/// <param name="Difference">Payoff of B minus payoff of A, path by path.</param>
public sealed record StressComparisonDocument(StressDocument A, StressDocument B, PayoffDifference Difference) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="comparison"/> of book <paramref name="a"/> with book <paramref name="b"/>.</summary>
    public static StressComparisonDocument Of(StressComparison comparison, Book a, Book b)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new(StressDocument.Of(comparison.A, a), StressDocument.Of(comparison.B, b),
            new PayoffDifference(comparison.MeanDifferenceUsd, comparison.StandardErrorUsd, [comparison.Ci95LowUsd, comparison.Ci95HighUsd], comparison.ProbabilityBBetter));
    }
}
