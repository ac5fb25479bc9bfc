using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>The operating book's cash over time: by calendar year and cumulated, when it pays back, and its IRR.</summary>
/// <param name="Years">Each calendar year of the horizon, in order.</param>
/// <param name="Payback">The payback month's distribution.</param>
/// <param name="Irr">The operating IRR's distribution.</param>
public sealed record OperatingCashFlow(ValueList<YearCashFlow> Years, PaybackDistribution Payback, IrrDistribution Irr);
