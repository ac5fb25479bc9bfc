using System.Text.Json.Serialization;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm stress BOOK --tornado --json</c>, and the report's tornado chart: the mean payoff when each key input moves
/// down and up by a stated step, on common random numbers, largest swing first.
/// </summary>
/// <param name="BasePayoffMean">Mean payoff of the book as written, US dollars.</param>
/// <param name="Paths">Paths per run (every run uses the same seed and paths).</param>
/// <param name="Bars">One bar per input, largest swing first.</param>
public sealed record TornadoDocument(double BasePayoffMean, int Paths, IReadOnlyList<TornadoRow> Bars) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="chart"/>.</summary>
    public static TornadoDocument Of(TornadoChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new(chart.BaseMeanPayoffUsd, chart.Paths,
            [.. chart.Bars.Select(b => new TornadoRow(b.Input, b.Step, b.LowMeanPayoffUsd, b.HighMeanPayoffUsd, b.SwingUsd))]);
    }
}
