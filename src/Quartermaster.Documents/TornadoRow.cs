namespace Quartermaster.Documents;

/// <summary>The effect on mean payoff of moving one input down and up by its step.</summary>
/// <param name="Input">The input varied, such as <c>boom.growth</c>.</param>
/// <param name="Step">The step as a person reads it, such as <c>±25%</c>.</param>
/// <param name="LowPayoffMean">Mean payoff with the input moved down, US dollars.</param>
/// <param name="HighPayoffMean">Mean payoff with the input moved up, US dollars.</param>
/// <param name="Swing">|high - low|, the bar's length, US dollars.</param>
public sealed record TornadoRow(string Input, string Step, double LowPayoffMean, double HighPayoffMean, double Swing);
