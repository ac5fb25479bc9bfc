namespace Quartermaster.Documents;

/// <summary>A site as <c>qm show</c> lists it.</summary>
/// <param name="Id">Id of the site.</param>
/// <param name="Region">Region the site is in.</param>
/// <param name="Halls">Number of equal halls.</param>
/// <param name="Chips">Fraction of the site's online MW fitted with each chip type (keys: chip types; values 0 to 1, summing to 1).</param>
/// <param name="CapexPerMwUsd">Capital cost per MW as capacity comes online, US dollars.</param>
/// <param name="OpexPerMwMonthUsd">Operating cost per online MW per month, US dollars.</param>
/// <param name="OnlineMw">MW online in each month of the horizon.</param>
public sealed record SiteSummary(
    string Id,
    string Region,
    int Halls,
    IReadOnlyDictionary<string, double> Chips,
    double CapexPerMwUsd,
    double OpexPerMwMonthUsd,
    IReadOnlyList<double> OnlineMw);
