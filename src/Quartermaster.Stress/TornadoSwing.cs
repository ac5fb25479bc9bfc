namespace Quartermaster.Stress;

/// <summary>A tornado metric with one input moved down and up, for one payoff line.</summary>
/// <param name="Low">The metric with the input moved down (USD, or a fraction for the chance of loss).</param>
/// <param name="High">The metric with the input moved up.</param>
/// <param name="Swing">|High - Low|: the bar's length.</param>
public sealed record TornadoSwing(double Low, double High, double Swing);
