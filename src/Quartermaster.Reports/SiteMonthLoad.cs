using Quartermaster.Core;

namespace Quartermaster.Reports;

/// <summary>MW allocated at one site in one month (summed over contracts or not: the chart sums).</summary>
/// <param name="Month">The month.</param>
/// <param name="SiteId">The site.</param>
/// <param name="AllocatedMw">MW allocated.</param>
public readonly record struct SiteMonthLoad(Month Month, string SiteId, double AllocatedMw);
