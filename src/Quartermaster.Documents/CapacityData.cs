using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>
/// Online capacity against commitments, month by month over a book's horizon: part of <c>qm show --json</c>, and
/// the data of the capacity chart in the report and the dashboard.
/// </summary>
/// <param name="Months">The horizon's months, in order; every series below has one value per month.</param>
/// <param name="OnlineMw">Total MW online across sites.</param>
/// <param name="CommittedMw">Total MW committed across tenants.</param>
/// <param name="CommittedMwByTenant">MW committed per tenant, in book order (the order of stable colours).</param>
/// <param name="FirstShortageMonth">The first month whose committed MW exceeds online MW, or null when none does.</param>
public sealed record CapacityData(
    IReadOnlyList<Month> Months,
    IReadOnlyList<double> OnlineMw,
    IReadOnlyList<double> CommittedMw,
    IReadOnlyList<TenantCommittedMw> CommittedMwByTenant,
    Month? FirstShortageMonth)
{
    /// <summary>The capacity outlook of <paramref name="book"/>.</summary>
    public static CapacityData Of(Book book)
    {
        var outlook = CapacityOutlook.Of(book);
        return new CapacityData(outlook.Months, outlook.OnlineMw, outlook.CommittedMw,
            [.. outlook.CommittedMwByTenant.Select(t => new TenantCommittedMw(t.Key, t.Value))], outlook.FirstShortage);
    }
}
