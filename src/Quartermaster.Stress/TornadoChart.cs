using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>Sensitivity of one metric of the payoff to each key input, largest effect on the total first.</summary>
/// <param name="Metric">What the bars measure: mean payoff, chance of loss or VaR95.</param>
/// <param name="Base">The metric for the book as written, for each payoff line.</param>
/// <param name="Paths">Paths per run (every run uses the same seed and paths).</param>
/// <param name="Bars">One bar per input, ranked by the swing of the total, largest first (ties keep the order of <see cref="TornadoInputs"/>).</param>
public sealed record TornadoChart(TornadoMetric Metric, PayoffLines<double> Base, int Paths, ValueList<TornadoBar> Bars)
{
    /// <summary>The bars ranked by their swing on <paramref name="line"/>, largest first (a stable sort).</summary>
    public IReadOnlyList<TornadoBar> RankedBy(PayoffLine line) => [.. Bars.OrderByDescending(b => b.Effect[line].Swing)];
}
