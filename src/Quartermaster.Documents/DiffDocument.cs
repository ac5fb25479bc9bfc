using System.Text.Json.Serialization;
using Quartermaster.Analysis;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm diff OLD NEW --json</c>, and the server's diff of two stored versions: what changed, entity by entity, and its
/// effect on the plan (revenue, idle capacity, fill ratios) and, when asked, on risk. Money in US dollars, power in MW.
/// </summary>
/// <param name="Old">The old book as named by the caller: its file, or <c>version N</c>.</param>
/// <param name="New">The new book as named by the caller.</param>
/// <param name="Changes">Entities added, removed or changed, with each differing field as the book writes it.</param>
/// <param name="Effect">Both books planned and compared.</param>
/// <param name="Risk">Both plans stressed on common random numbers, or null when not asked (<c>--stress</c>).</param>
public sealed record DiffDocument(string Old, string New, IReadOnlyList<EntityChange> Changes, PlanEffect Effect, DiffRisk? Risk) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="diff"/> from the book labelled <paramref name="old"/> to the one labelled <paramref name="new"/>.</summary>
    public static DiffDocument Of(BookDiff diff, string old, string @new)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new DiffDocument(old, @new, diff.Changes, diff.Effect, diff.Risk is { } risk ? DiffRisk.Of(risk) : null);
    }
}
