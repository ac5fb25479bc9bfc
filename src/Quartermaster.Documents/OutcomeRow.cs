using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>One row of the win-either-way table: the paths that end with the same leaders and sector state.</summary>
/// <param name="Outcome">The outcome in words, such as "lab-a leads frontier, sector cooled".</param>
/// <param name="LeaderIds">For each of the document's <c>rivalry_group_ids</c>, the id of the tenant leading it at the horizon's end.</param>
/// <param name="Cooled">True when the sector is in the cooling regime in the last month.</param>
/// <param name="Paths">Number of paths with this outcome.</param>
/// <param name="Share">Those paths as a fraction of all paths.</param>
/// <param name="PayoffMean">Mean payoff of the whole book (operating plus stakes) over those paths, US dollars.</param>
/// <param name="PLoss">Fraction of those paths whose whole-book payoff is below 0.</param>
/// <param name="OperatingMean">Mean payoff of the operating book over those paths, US dollars.</param>
/// <param name="OperatingPLoss">Fraction of those paths whose operating payoff is below 0.</param>
/// <param name="StakesMean">Mean payoff of the stakes over those paths, US dollars.</param>
/// <param name="StakesPLoss">Fraction of those paths whose stakes payoff is below 0.</param>
public sealed record OutcomeRow(
    string Outcome,
    IReadOnlyList<string> LeaderIds,
    bool Cooled,
    int Paths,
    double Share,
    double PayoffMean,
    [property: System.Text.Json.Serialization.JsonPropertyName("p_loss")] double PLoss,
    double OperatingMean,
    [property: System.Text.Json.Serialization.JsonPropertyName("operating_p_loss")] double OperatingPLoss,
    double StakesMean,
    [property: System.Text.Json.Serialization.JsonPropertyName("stakes_p_loss")] double StakesPLoss)
{
    /// <summary>The row of <paramref name="row"/>, whose leaders follow <paramref name="rivalryGroups"/>.</summary>
    public static OutcomeRow Of(WinEitherWayRow row, IReadOnlyList<string> rivalryGroups)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rivalryGroups);
        var outcome = string.Join(", ", row.Leaders.Select((leader, g) => $"{leader} leads {rivalryGroups[g]}")
            .Append(row.Cooled ? "sector cooled" : "sector booming"));
        return new(outcome, row.Leaders, row.Cooled, row.Paths, row.ShareOfPaths, row.Payoff.Total.MeanUsd, row.Payoff.Total.ProbabilityOfLoss,
            row.Payoff.Operating.MeanUsd, row.Payoff.Operating.ProbabilityOfLoss, row.Payoff.Stakes.MeanUsd, row.Payoff.Stakes.ProbabilityOfLoss);
    }
}
