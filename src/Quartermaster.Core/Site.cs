namespace Quartermaster.Core;

/// <summary>A share of a site's online capacity fitted with one chip type.</summary>
/// <param name="Chip">Chip type, such as <c>gb300</c> or <c>trainium3</c>.</param>
/// <param name="ShareFraction">Fraction of the site's online MW in this pool (0 to 1); a site's pools sum to 1.</param>
public sealed record ChipPool(string Chip, double ShareFraction)
{
    /// <summary>Fraction of the site's online MW in this pool (0 to 1).</summary>
    public double ShareFraction { get; init => field = Preconditions.Fraction(value, nameof(ShareFraction)); } = Preconditions.Fraction(ShareFraction);
}

/// <summary>
/// A data-centre campus: capacity online over time, in a region, split into equal halls and into chip pools.
/// </summary>
/// <param name="Id">Unique id in the book.</param>
/// <param name="Region">Region the site is in, such as <c>us-east</c>.</param>
/// <param name="Halls">Number of halls; each holds an equal share of the online capacity.</param>
/// <param name="CapexPerMwUsd">
/// Facility capital cost (shell, power, cooling) per MW as capacity comes online, in US dollars; bought once.
/// </param>
/// <param name="OpexPerMwMonthUsd">Operating cost per online MW per month, in US dollars.</param>
/// <param name="ChipPools">The chip pools; shares sum to 1.</param>
/// <param name="Online">Capacity online, MW, as steps sorted by month.</param>
/// <param name="ItCapexPerMwUsd">
/// IT equipment (accelerators, servers, network) per MW, in US dollars: bought as capacity comes online and again
/// every <paramref name="ItRefreshYears"/>. 0 when the provider does not buy it (the tenant brings its own).
/// </param>
/// <param name="ItRefreshYears">Years between purchases of the same IT equipment (at least 1); rounded to whole months.</param>
/// <param name="FacilityLifeYears">
/// Years over which facility capex is depreciated straight-line (at least 1); what is left of it at the horizon's end is
/// the facility's residual value. Rounded to whole months.
/// </param>
public sealed record Site(
    string Id,
    string Region,
    int Halls,
    double CapexPerMwUsd,
    double OpexPerMwMonthUsd,
    ValueList<ChipPool> ChipPools,
    ValueList<MwStep> Online,
    double ItCapexPerMwUsd = 0,
    double ItRefreshYears = Site.DefaultItRefreshYears,
    double FacilityLifeYears = Site.DefaultFacilityLifeYears)
{
    /// <summary>Unique id in the book (not empty).</summary>
    public string Id { get; init => field = Preconditions.NotEmpty(value, nameof(Id)); } = Preconditions.NotEmpty(Id);

    /// <summary>Number of equal halls (at least 1).</summary>
    public int Halls { get; init => field = Preconditions.AtLeast(value, 1, nameof(Halls)); } = Preconditions.AtLeast(Halls, 1);

    /// <summary>Facility capex per MW online, US dollars (finite, at least 0).</summary>
    public double CapexPerMwUsd { get; init => field = Preconditions.NonNegative(value, nameof(CapexPerMwUsd)); } = Preconditions.NonNegative(CapexPerMwUsd);

    /// <summary>Opex per MW online per month, US dollars (finite, at least 0).</summary>
    public double OpexPerMwMonthUsd { get; init => field = Preconditions.NonNegative(value, nameof(OpexPerMwMonthUsd)); } = Preconditions.NonNegative(OpexPerMwMonthUsd);

    /// <summary>IT capex per MW, US dollars (finite, at least 0).</summary>
    public double ItCapexPerMwUsd { get; init => field = Preconditions.NonNegative(value, nameof(ItCapexPerMwUsd)); } = Preconditions.NonNegative(ItCapexPerMwUsd);

    /// <summary>Years between IT refreshes (finite, above 0).</summary>
    public double ItRefreshYears { get; init => field = Preconditions.Positive(value, nameof(ItRefreshYears)); } = Preconditions.Positive(ItRefreshYears);

    /// <summary>Years over which facility capex is depreciated (finite, above 0).</summary>
    public double FacilityLifeYears { get; init => field = Preconditions.Positive(value, nameof(FacilityLifeYears)); } = Preconditions.Positive(FacilityLifeYears);

    /// <summary>The default of <see cref="FacilityLifeYears"/>: 20 years, within the lives data-centre operators give their buildings (docs/assumptions.md).</summary>
    public const double DefaultFacilityLifeYears = 20;

    /// <summary>The default of <see cref="ItRefreshYears"/>: 5 years, the useful life Amazon gives its servers from 2025 (docs/assumptions.md).</summary>
    public const double DefaultItRefreshYears = 5;

    /// <summary>Whole months between IT purchases: <see cref="ItRefreshYears"/> times 12, rounded, at least 1.</summary>
    public int ItRefreshMonths => Math.Max(1, (int)Math.Round(ItRefreshYears * 12, MidpointRounding.AwayFromZero));

    /// <summary>Whole months of a facility's depreciable life: <see cref="FacilityLifeYears"/> times 12, rounded, at least 1.</summary>
    public int FacilityLifeMonths => Math.Max(1, (int)Math.Round(FacilityLifeYears * 12, MidpointRounding.AwayFromZero));

    /// <summary>MW online in <paramref name="month"/>.</summary>
    public double OnlineMw(Month month) => Schedule.ValueAt(Online, month);

    /// <summary>MW of chip pool <paramref name="chip"/> online in <paramref name="month"/>; 0 when the site has no such pool.</summary>
    public double ChipPoolMw(string chip, Month month)
    {
        foreach (var pool in ChipPools)
        {
            if (pool.Chip == chip)
            {
                return pool.ShareFraction * OnlineMw(month);
            }
        }
        return 0;
    }

    /// <summary>True when the site has a pool of <paramref name="chip"/>.</summary>
    public bool HasChip(string chip) => ChipPools.Any(p => p.Chip == chip);
}
