using Quartermaster.Documents;

namespace Quartermaster.Server;

/// <summary>
/// What the provider's dashboard draws for a book: tenants, capacity committed against online, and the
/// latest plan's fill ratios and idle capacity, in the chart shapes of the report (charts.js reads both).
/// </summary>
/// <param name="BookId">The book.</param>
/// <param name="Version">The book version shown.</param>
/// <param name="PlanId">The plan shown, or null when the book has none yet.</param>
/// <param name="Tenants">Tenants in book order (id, name): the key to stable colours.</param>
/// <param name="Capacity">Online and committed MW per month.</param>
/// <param name="Plan">Fill ratio per tenant and month, idle MW per site and month; null without a plan.</param>
/// <param name="WhyShort">
/// Why each contract is short, month ranges collapsed: the bottleneck (the min cut) and the MW that would fill it at
/// one pool; empty without a plan or a shortfall. Counterfactuals are left out (null) above
/// <see cref="Planning.ShortfallCounterfactuals.AutomaticLimit"/> short contract-months.
/// </param>
public sealed record DashboardView(
    string BookId, int Version, string? PlanId, IReadOnlyList<TenantLegend> Tenants, CapacityData Capacity, PlanChartData? Plan, IReadOnlyList<WhyShortRow> WhyShort);
