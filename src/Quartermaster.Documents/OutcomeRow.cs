using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>One row of the win-either-way table: the paths that end with the same leaders and sector state.</summary>
/// <param name="Outcome">The outcome in words, such as "lab-a leads frontier, sector cooled".</param>
/// <param name="LeaderIds">For each of the document's <c>rivalry_group_ids</c>, the id of the tenant leading it at the horizon's end.</param>
/// <param name="Cooled">True when the sector is in the cooling regime in the last month.</param>
/// <param name="Paths">Number of paths with this outcome.</param>
/// <param name="Share">Those paths as a fraction of all paths.</param>
/// <param name="PayoffMean">Mean payoff over those paths, US dollars.</param>
/// <param name="PLoss">Fraction of those paths with a payoff below 0.</param>
public sealed record OutcomeRow(
    string Outcome,
    IReadOnlyList<string> LeaderIds,
    bool Cooled,
    int Paths,
    double Share,
    double PayoffMean,
    [property: System.Text.Json.Serialization.JsonPropertyName("p_loss")] double PLoss)
{
    /// <summary>The row of <paramref name="row"/>, whose leaders follow <paramref name="rivalryGroups"/>.</summary>
    public static OutcomeRow Of(WinEitherWayRow row, IReadOnlyList<string> rivalryGroups)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rivalryGroups);
        var outcome = string.Join(", ", row.Leaders.Select((leader, g) => $"{leader} leads {rivalryGroups[g]}")
            .Append(row.Cooled ? "sector cooled" : "sector booming"));
        return new(outcome, row.Leaders, row.Cooled, row.Paths, row.ShareOfPaths, row.MeanPayoffUsd, row.ProbabilityOfLoss);
    }
}
