using System.Text.Json.Serialization;

namespace Quartermaster.Stress;

/// <summary>The figure a tornado measures each input's effect on; in JSON, the word <c>--tornado-metric</c> takes.</summary>
public enum TornadoMetric
{
    /// <summary>Mean payoff (USD).</summary>
    Mean,

    /// <summary>Chance of a loss (a fraction, 0 to 1).</summary>
    [JsonStringEnumMemberName("p-loss")]
    ProbabilityOfLoss,

    /// <summary>Value at risk at 95%, as a loss: -P5 (USD).</summary>
    Var95,
}
