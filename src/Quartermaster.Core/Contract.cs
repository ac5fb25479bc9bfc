namespace Quartermaster.Core;

/// <summary>
/// A tenant's commitment: a ramp of MW by month over a term, at a price, with take-or-pay,
/// eligible chip types and regions, and an isolation requirement.
/// </summary>
/// <param name="Id">Unique id in the book.</param>
/// <param name="Tenant">Id of the tenant that signed it.</param>
/// <param name="Start">First month of the term.</param>
/// <param name="End">Last month of the term (included).</param>
/// <param name="PricePerMwMonthUsd">Price per MW per month, in US dollars.</param>
/// <param name="TakeOrPayFraction">Fraction of committed MW paid for whether used or not (0 to 1).</param>
/// <param name="Chips">Chip types the contract can run on.</param>
/// <param name="Regions">Regions the contract can be served from.</param>
/// <param name="Isolation">Hall-sharing requirement.</param>
/// <param name="Weight">Weight under the <c>weighted</c> policy (positive; 1 by default).</param>
/// <param name="Ramp">Committed MW as steps sorted by month, all within the term.</param>
public sealed record Contract(
    string Id,
    string Tenant,
    Month Start,
    Month End,
    double PricePerMwMonthUsd,
    double TakeOrPayFraction,
    ValueList<string> Chips,
    ValueList<string> Regions,
    Isolation Isolation,
    double Weight,
    ValueList<MwStep> Ramp)
{
    /// <summary>Unique id in the book (not empty).</summary>
    public string Id { get; init => field = Preconditions.NotEmpty(value, nameof(Id)); } = Preconditions.NotEmpty(Id);

    /// <summary>Last month of the term (included), not before <see cref="Start"/>.</summary>
    public Month End { get; init => field = Preconditions.NotBefore(value, Start, nameof(End)); } = Preconditions.NotBefore(End, Start);

    /// <summary>Price per MW per month, in US dollars (finite, at least 0).</summary>
    public double PricePerMwMonthUsd { get; init => field = Preconditions.NonNegative(value, nameof(PricePerMwMonthUsd)); } = Preconditions.NonNegative(PricePerMwMonthUsd);

    /// <summary>Fraction of committed MW paid for whether used or not (0 to 1).</summary>
    public double TakeOrPayFraction { get; init => field = Preconditions.Fraction(value, nameof(TakeOrPayFraction)); } = Preconditions.Fraction(TakeOrPayFraction);

    /// <summary>Weight under the <c>weighted</c> policy (finite, above 0).</summary>
    public double Weight { get; init => field = Preconditions.Positive(value, nameof(Weight)); } = Preconditions.Positive(Weight);

    /// <summary>MW committed in <paramref name="month"/>; 0 outside the term.</summary>
    public double CommittedMw(Month month) =>
        month < Start || month > End ? 0 : Schedule.ValueAt(Ramp, month);

    /// <summary>True when <paramref name="site"/> is in an eligible region and has an eligible chip pool.</summary>
    public bool CanUse(Site site) => Regions.Contains(site.Region) && Chips.Any(site.HasChip);
}
