using System.Collections.Concurrent;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Planning;

namespace Quartermaster.Server;

/// <summary>
/// The dashboard's "why short" rows of each book's latest version and policy. Bottlenecks are not stored with a plan,
/// so they come from planning the version again (the planner is deterministic) and explaining its shortfalls; a book
/// version never changes, so that is done once per version and policy, not on every page load.
/// </summary>
internal sealed class WhyShortCache
{
    private readonly ConcurrentDictionary<string, (int Version, AllocationPolicy Policy, IReadOnlyList<WhyShortRow> Rows)> _latest = new(StringComparer.Ordinal);

    /// <summary>The rows of <paramref name="book"/> (version <paramref name="version"/>) planned under <paramref name="policy"/>.</summary>
    public IReadOnlyList<WhyShortRow> Rows(Book book, int version, AllocationPolicy policy)
    {
        if (_latest.TryGetValue(book.Id, out var known) && known.Version == version && known.Policy == policy)
        {
            return known.Rows;
        }
        var plan = new FlowPlanner().Allocate(book, policy);
        var rows = WhyShortRow.Of(ShortfallCounterfactuals.ExplainWithinLimit(book, plan));
        _latest[book.Id] = (version, policy, rows);
        return rows;
    }
}
