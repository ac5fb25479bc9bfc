namespace Quartermaster.Documents;

/// <summary>The effect on the tornado's metric of moving one input down and up by its step.</summary>
/// <param name="Input">The input's key, such as <c>boom.growth</c>.</param>
/// <param name="Label">The input in words, as the report and the CLI table show it.</param>
/// <param name="Step">The step as a person reads it, such as <c>±25%</c>.</param>
/// <param name="Operating">The effect on the operating book.</param>
/// <param name="Stakes">The effect on the stakes.</param>
/// <param name="Total">The effect on the whole book.</param>
public sealed record TornadoRow(string Input, string Label, string Step, TornadoEffect Operating, TornadoEffect Stakes, TornadoEffect Total);
