using System.Text.Json.Serialization;
using Quartermaster.Core;
using Quartermaster.Stress;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>
/// The data a report embeds for its charts (charts.js draws from it): capacity, the plan, the stress run and the
/// market. The dashboard's API serves the same records, so one chart module draws both.
/// </summary>
/// <param name="Title">The book's id, the report's title.</param>
/// <param name="Tenants">Tenants in book order: the key to stable colours.</param>
/// <param name="Capacity">Online and committed MW per month.</param>
/// <param name="Plan">Fill ratio per tenant and idle MW per site, per month.</param>
/// <param name="Stress">The payoff histogram, monthly fans and tornado of the stress run.</param>
/// <param name="Deals">The market of public deals, or null when the report has no market section.</param>
public sealed record ReportDocument(
    string Title,
    IReadOnlyList<TenantLegend> Tenants,
    CapacityData Capacity,
    PlanChartData Plan,
    StressChartData Stress,
    DealsChartData? Deals) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The chart data of a report on <paramref name="book"/>.</summary>
    public static ReportDocument Of(Book book, Plan plan, StressResult stress, TornadoChart? tornado, DealsOverview? deals)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new(book.Id, TenantLegend.Of(book), CapacityData.Of(book), PlanChartData.Of(book, plan),
            StressChartData.Of(book, stress, tornado), deals is null ? null : DealsChartData.Of(deals));
    }
}
