using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>How a monthly rate of one kind compares with a yearly one, so bounds hold whatever period a book writes.</summary>
public enum RateKind
{
    /// <summary>The drift of a log-process: a yearly figure is 12 monthly ones (growth).</summary>
    Drift,

    /// <summary>The volatility of a log-process: a yearly figure is sqrt(12) monthly ones.</summary>
    Volatility,

    /// <summary>A compounded rate: (1 + monthly)^12 = 1 + yearly (discount rates).</summary>
    Compounded,

    /// <summary>The chance of an event: 1 - (1 - monthly)^12 = yearly; any value from 0% to 100% is valid in either period.</summary>
    Probability,
}

/// <summary>
/// The plausible range of a rate, stated per year and applied to its yearly equivalent, so <c>500%/month</c> of growth
/// (6000%/yr) is refused as surely as <c>6000%/yr</c>. The bounds are generous: a typo, not a forecast, is refused.
/// </summary>
/// <param name="Kind">How the rate's period converts.</param>
/// <param name="MinPerYear">Lowest yearly equivalent accepted (a fraction).</param>
/// <param name="MaxPerYear">Highest yearly equivalent accepted (a fraction).</param>
public sealed record RateBounds(RateKind Kind, double MinPerYear, double MaxPerYear)
{
    /// <summary>Sector growth: -200%/yr to 300%/yr of log drift (a twentyfold rise in a year at most); -16.7%/month to 25%/month.</summary>
    public static RateBounds Growth { get; } = new(RateKind.Drift, -2, 3);

    /// <summary>Sector volatility: 0 to 300%/yr (86.6%/month).</summary>
    public static RateBounds Volatility { get; } = new(RateKind.Volatility, 0, 3);

    /// <summary>Discount rate: 0 to 100%/yr (5.95%/month).</summary>
    public static RateBounds Discount { get; } = new(RateKind.Compounded, 0, 1);

    /// <summary>A chance per period (switches, drift, default): 0% to 100% in either period.</summary>
    public static RateBounds Probability { get; } = new(RateKind.Probability, 0, 1);

    /// <summary>The yearly equivalent of <paramref name="rate"/> under this kind.</summary>
    public double PerYear(Rate rate) => rate.Period == RatePeriod.Year ? rate.Fraction : Kind switch
    {
        RateKind.Drift => rate.Fraction * 12,
        RateKind.Volatility => rate.Fraction * Math.Sqrt(12),
        RateKind.Compounded => Math.Pow(1 + rate.Fraction, 12) - 1,
        _ => rate.Fraction,
    };

    /// <summary>The monthly equivalent of a yearly fraction under this kind.</summary>
    public double PerMonth(double perYear) => Kind switch
    {
        RateKind.Drift => perYear / 12,
        RateKind.Volatility => perYear / Math.Sqrt(12),
        RateKind.Compounded => Math.Pow(1 + perYear, 1.0 / 12) - 1,
        _ => perYear,
    };

    /// <summary>True when <paramref name="rate"/> lies within the bounds (a compounded rate of -100% or less never does).</summary>
    public bool Contains(Rate rate)
    {
        if (Kind == RateKind.Probability || rate.Period == RatePeriod.Year)
        {
            return rate.Fraction >= MinPerYear && rate.Fraction <= MaxPerYear;
        }
        var perYear = PerYear(rate);
        return double.IsFinite(perYear) && perYear >= MinPerYear && perYear <= MaxPerYear;
    }

    /// <summary>The accepted range as a person reads it, in the period <paramref name="period"/> first.</summary>
    public string Describe(RatePeriod period)
    {
        var year = $"{Percent(MinPerYear)}/yr and {Percent(MaxPerYear)}/yr";
        if (Kind == RateKind.Probability)
        {
            return $"between {Percent(MinPerYear)} and {Percent(MaxPerYear)} per period";
        }
        var month = $"{Percent(PerMonth(MinPerYear))}/month and {Percent(PerMonth(MaxPerYear))}/month";
        return period == RatePeriod.Month ? $"between {month} ({year})" : $"between {year} ({month})";
    }

    private static string Percent(double fraction) => Quantities.FormatNumber(Math.Round(fraction * 100, 2)) + "%";
}
