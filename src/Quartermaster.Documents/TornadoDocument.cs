using System.Text.Json.Serialization;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm stress BOOK --tornado --json</c>, and the report's tornado chart: a metric of the payoff (mean, probability
/// of loss or VaR95) when each key input moves down and up by a stated step, on common random numbers, for the
/// operating book, the stakes and the total; bars ranked by the total's swing.
/// </summary>
/// <param name="Metric">The metric every figure of the chart gives: <c>mean</c> and <c>var95</c> in US dollars, <c>p-loss</c> (chance of a loss) as a fraction.</param>
/// <param name="Base">The metric of the book as written, per line.</param>
/// <param name="Paths">Paths per run (every run uses the same seed and paths).</param>
/// <param name="Bars">One bar per input, largest total swing first.</param>
public sealed record TornadoDocument(TornadoMetric Metric, TornadoLines Base, int Paths, IReadOnlyList<TornadoRow> Bars) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 2;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="chart"/>.</summary>
    public static TornadoDocument Of(TornadoChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new(chart.Metric, new TornadoLines(chart.Base.Operating, chart.Base.Stakes, chart.Base.Total), chart.Paths,
            [.. chart.RankedBy(PayoffLine.Total).Select(b => new TornadoRow(b.Input, b.Label, b.Step,
                TornadoEffect.Of(b.Effect.Operating), TornadoEffect.Of(b.Effect.Stakes), TornadoEffect.Of(b.Effect.Total)))]);
    }
}

/// <summary>A figure of the tornado's metric for each payoff line.</summary>
/// <param name="Operating">Of the operating book.</param>
/// <param name="Stakes">Of the stakes.</param>
/// <param name="Total">Of the whole book.</param>
public sealed record TornadoLines(double Operating, double Stakes, double Total);

/// <summary>The metric with one input moved down and up.</summary>
/// <param name="Low">The metric with the input moved down by its step.</param>
/// <param name="High">The metric with the input moved up by its step.</param>
/// <param name="Swing">|high - low|, the bar's length.</param>
public sealed record TornadoEffect(double Low, double High, double Swing)
{
    /// <summary>The effect of <paramref name="swing"/>.</summary>
    public static TornadoEffect Of(TornadoSwing swing)
    {
        ArgumentNullException.ThrowIfNull(swing);
        return new(swing.Low, swing.High, swing.Swing);
    }
}
