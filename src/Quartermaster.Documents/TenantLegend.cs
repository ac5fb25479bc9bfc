using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>A tenant in a chart's legend.</summary>
/// <param name="Id">Id of the tenant.</param>
/// <param name="Name">Its human name.</param>
public sealed record TenantLegend(string Id, string Name)
{
    /// <summary>The tenants of <paramref name="book"/>, in book order (the order of stable colours).</summary>
    public static IReadOnlyList<TenantLegend> Of(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return [.. book.Tenants.Select(t => new TenantLegend(t.Id, t.Name))];
    }
}
