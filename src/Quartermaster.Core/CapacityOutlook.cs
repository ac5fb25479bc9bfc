namespace Quartermaster.Core;

/// <summary>
/// Online capacity against commitments, month by month over a book's horizon: the first thing a
/// provider asks of its book, and where a shortage the planner must divide begins.
/// </summary>
/// <param name="Months">The horizon's months, in order.</param>
/// <param name="OnlineMw">Total MW online across sites, per month.</param>
/// <param name="CommittedMwByTenant">Per tenant id (in book order), total MW committed per month.</param>
/// <param name="FirstShortage">The first month in which total committed MW exceeds total online MW, or null when none does.</param>
public sealed record CapacityOutlook(
    IReadOnlyList<Month> Months,
    IReadOnlyList<double> OnlineMw,
    IReadOnlyList<KeyValuePair<string, double[]>> CommittedMwByTenant,
    Month? FirstShortage)
{
    /// <summary>Total MW committed across tenants, per month.</summary>
    public IReadOnlyList<double> CommittedMw =>
        [.. Enumerable.Range(0, Months.Count).Select(i => CommittedMwByTenant.Sum(t => t.Value[i]))];

    /// <summary>Computes the outlook of <paramref name="book"/>.</summary>
    public static CapacityOutlook Of(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var months = book.Horizon.Months().ToList();
        var online = months.Select(book.OnlineMw).ToList();
        var byTenant = book.Tenants
            .Select(t => new KeyValuePair<string, double[]>(t.Id,
                [.. months.Select(m => book.Contracts.Where(c => c.Tenant == t.Id).Sum(c => c.CommittedMw(m)))]))
            .ToList();
        Month? first = null;
        for (var i = 0; i < months.Count && first is null; i++)
        {
            if (byTenant.Sum(t => t.Value[i]) > online[i])
            {
                first = months[i];
            }
        }
        return new CapacityOutlook(months, online, byTenant, first);
    }
}
