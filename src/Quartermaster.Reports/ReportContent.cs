using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;
using Quartermaster.Watch;

namespace Quartermaster.Reports;

/// <summary>Everything a report shows: the book, its plan, the neutrality audit and the stress results.</summary>
/// <param name="Book">The book.</param>
/// <param name="Plan">The plan under the book's policy.</param>
/// <param name="Audit">The neutrality audit of that plan.</param>
/// <param name="Stress">The stress run on the plan's capacity.</param>
/// <param name="Tornado">The tornado chart, when computed.</param>
/// <param name="Deals">The market section (public deals: timeline and market map), or null to leave it out.</param>
public sealed record ReportContent(Book Book, Plan Plan, AuditReport Audit, StressResult Stress, TornadoChart? Tornado, DealsOverview? Deals = null);
