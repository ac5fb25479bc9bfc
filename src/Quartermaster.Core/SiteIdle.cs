namespace Quartermaster.Core;

/// <summary>How much of a site's online capacity a plan uses in one month.</summary>
/// <param name="Month">The month.</param>
/// <param name="SiteId">Id of the site.</param>
/// <param name="OnlineMw">MW online that month.</param>
/// <param name="AllocatedMw">MW allocated to contracts that month (never above online).</param>
public readonly record struct SiteIdle(Month Month, string SiteId, double OnlineMw, double AllocatedMw)
{
    /// <summary>MW online but unallocated: online - allocated, never negative.</summary>
    public double IdleMw => Math.Max(0, OnlineMw - AllocatedMw);
}
