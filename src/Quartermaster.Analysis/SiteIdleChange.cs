namespace Quartermaster.Analysis;

/// <summary>A site's idle capacity (online minus allocated MW, summed over planned months) in two books.</summary>
/// <param name="SiteId">The site.</param>
/// <param name="OldMwMonths">Idle MW-months in the old book's plan (0 when the site is not in it).</param>
/// <param name="NewMwMonths">Idle MW-months in the new book's plan.</param>
/// <param name="DeltaMwMonths">New minus old, MW-months.</param>
public sealed record SiteIdleChange(string SiteId, double OldMwMonths, double NewMwMonths, double DeltaMwMonths);
