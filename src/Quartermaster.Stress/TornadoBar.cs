namespace Quartermaster.Stress;

/// <summary>The effect on mean payoff of moving one input down and up by a stated step, on common random numbers.</summary>
/// <param name="Input">The input varied, such as <c>boom.growth</c>.</param>
/// <param name="Step">The step, as a person reads it, such as <c>±5 pp/yr</c> or <c>±25%</c>.</param>
/// <param name="LowMeanPayoffUsd">Mean payoff with the input moved down.</param>
/// <param name="HighMeanPayoffUsd">Mean payoff with the input moved up.</param>
/// <param name="SwingUsd">|High - Low|: the bar's length, by which bars are ranked.</param>
public sealed record TornadoBar(string Input, string Step, double LowMeanPayoffUsd, double HighMeanPayoffUsd, double SwingUsd);
