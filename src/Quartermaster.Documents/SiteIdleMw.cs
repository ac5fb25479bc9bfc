namespace Quartermaster.Documents;

/// <summary>One site's idle capacity over the horizon.</summary>
/// <param name="SiteId">Id of the site.</param>
/// <param name="IdleMw">Per month, MW online but not allocated (never negative).</param>
public sealed record SiteIdleMw(string SiteId, IReadOnlyList<double> IdleMw);
