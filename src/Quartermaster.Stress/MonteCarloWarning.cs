namespace Quartermaster.Stress;

/// <summary>A figure of a run whose Monte Carlo error is too large to trust, and why.</summary>
/// <param name="Figure">The figure, such as <c>operating.mean</c> or <c>sector.mean</c>.</param>
/// <param name="Message">One sentence a person can act on, such as "run more paths".</param>
public sealed record MonteCarloWarning(string Figure, string Message);
