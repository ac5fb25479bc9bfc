using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>A site: region, halls, chip pools and its online schedule.</summary>
/// <param name="Id">Site id.</param>
/// <param name="Region">Region.</param>
/// <param name="Halls">Number of halls.</param>
/// <param name="CapexPerMwUsd">Capital cost per MW, US dollars.</param>
/// <param name="OpexPerMwMonthUsd">Operating cost per MW-month, US dollars.</param>
/// <param name="ChipPools">Chip type to share of online MW.</param>
/// <param name="Online">MW online from each month on.</param>
public sealed record SiteView(string Id, string Region, int Halls, double CapexPerMwUsd, double OpexPerMwMonthUsd,
    IReadOnlyDictionary<string, double> ChipPools, IReadOnlyList<RampStep> Online)
{
    /// <summary>The view of <paramref name="site"/>.</summary>
    public static SiteView Of(Site site) => new(site.Id, site.Region, site.Halls, site.CapexPerMwUsd, site.OpexPerMwMonthUsd,
        site.ChipPools.ToDictionary(p => p.Chip, p => p.ShareFraction), [.. site.Online.Select(s => new RampStep(s.From.ToString(), s.Mw))]);
}
