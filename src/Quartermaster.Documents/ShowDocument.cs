using System.Text.Json.Serialization;
using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary><c>qm show BOOK --json</c>: a book's sites and tenants, and its capacity against commitments month by month.</summary>
/// <param name="BookId">Id of the book.</param>
/// <param name="Provider">The provider whose book it is.</param>
/// <param name="Horizon">The months the book plans over, both ends included.</param>
/// <param name="Sites">Every site, in book order.</param>
/// <param name="Tenants">Every tenant, in book order.</param>
/// <param name="Capacity">Online and committed MW per month over the horizon.</param>
public sealed record ShowDocument(
    string BookId,
    string Provider,
    Horizon Horizon,
    IReadOnlyList<SiteSummary> Sites,
    IReadOnlyList<TenantSummary> Tenants,
    CapacityData Capacity) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="book"/>.</summary>
    public static ShowDocument Of(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var capacity = CapacityData.Of(book);
        return new ShowDocument(
            book.Id,
            book.Provider,
            book.Horizon,
            [.. book.Sites.Select(s => new SiteSummary(s.Id, s.Region, s.Halls, s.ChipPools.ToDictionary(p => p.Chip, p => p.ShareFraction),
                s.CapexPerMwUsd, s.OpexPerMwMonthUsd, [.. capacity.Months.Select(s.OnlineMw)]))],
            [.. book.Tenants.Select(t => new TenantSummary(t.Id, t.Name, t.RivalryGroup))],
            capacity);
    }
}
