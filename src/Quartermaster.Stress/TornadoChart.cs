using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>Sensitivity of the mean payoff to each key input, largest effect first.</summary>
/// <param name="BaseMeanPayoffUsd">Mean payoff of the book as written.</param>
/// <param name="Paths">Paths per run (every run uses the same seed and paths).</param>
/// <param name="Bars">One bar per input, ranked by swing, largest first (ties keep the order of <see cref="TornadoInputs"/>).</param>
public sealed record TornadoChart(double BaseMeanPayoffUsd, int Paths, ValueList<TornadoBar> Bars);
