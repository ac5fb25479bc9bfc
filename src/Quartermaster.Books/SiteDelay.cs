using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// A build-out delay of an existing site in a proposal: every step of its online schedule dated at or after
/// <paramref name="From"/> (all steps when null) comes <paramref name="Months"/> months later.
/// </summary>
/// <param name="SiteId">The site delayed; it exists in the book the proposal applies to.</param>
/// <param name="Months">Months of delay, at least 1.</param>
/// <param name="From">The first step delayed, or null to delay the whole schedule.</param>
public sealed record SiteDelay(string SiteId, int Months, Month? From)
{
    /// <summary>The site with its online steps moved later; steps before <see cref="From"/> keep their months.</summary>
    public Site ApplyTo(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var steps = site.Online.Select(step => From is { } from && step.From < from ? step : step with { From = step.From.Plus(Months) });
        return site with { Online = steps.ToValueList() };
    }
}
