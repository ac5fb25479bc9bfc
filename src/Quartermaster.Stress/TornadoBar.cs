namespace Quartermaster.Stress;

/// <summary>The effect of moving one input down and up by a stated step, on common random numbers.</summary>
/// <param name="Input">The input varied, named after its book key, such as <c>boom.growth</c>.</param>
/// <param name="Label">The input as a person reads it, such as "Sector growth while booming".</param>
/// <param name="Step">The step, as a person reads it, such as <c>±5 pp/yr</c> or <c>±25%</c>.</param>
/// <param name="Effect">The chart's metric with the input moved down and up, for each payoff line.</param>
public sealed record TornadoBar(string Input, string Label, string Step, PayoffLines<TornadoSwing> Effect);
