using System.Text.Json.Serialization;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm deals timeline --json</c>: cumulative GW and dollars committed by announcement month, for the market and per
/// provider (or lab). A deal dated by year only counts in December of that year; undated deals are listed, not placed.
/// </summary>
/// <param name="GroupedBy">Whether <c>series</c> follows providers or labs.</param>
/// <param name="Provider">The provider the deals were restricted to (<c>--provider</c>), or null for all.</param>
/// <param name="Total">The market total of the deals considered; its key is "all".</param>
/// <param name="Series">One series per provider or lab, largest GW first, then largest dollars, then by name.</param>
/// <param name="Undated">Deals considered that no source dates, in file order.</param>
public sealed record DealsTimelineDocument(
    MarketSide GroupedBy,
    string? Provider,
    TimelineSeries Total,
    IReadOnlyList<TimelineSeries> Series,
    IReadOnlyList<UndatedDeal> Undated) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="timeline"/>.</summary>
    public static DealsTimelineDocument Of(DealTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new(timeline.GroupedBy, timeline.Provider, timeline.Total, timeline.Series,
            [.. timeline.Undated.Select(d => new UndatedDeal(d.Id, d.Provider, d.Lab, d.Kind, d.PowerGw, d.AmountUsd))]);
    }
}
