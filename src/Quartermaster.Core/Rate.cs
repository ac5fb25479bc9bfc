namespace Quartermaster.Core;

/// <summary>The period a <see cref="Rate"/> is quoted over, as written in the book (<c>%/yr</c> or <c>%/month</c>).</summary>
public enum RatePeriod
{
    /// <summary>Per year (<c>8%/yr</c>).</summary>
    Year,

    /// <summary>Per month (<c>0.5%/month</c>).</summary>
    Month,
}

/// <summary>
/// A rate as the book states it: a fraction per year or per month. It keeps the period the user
/// wrote so a book round-trips unchanged; engines ask for the monthly equivalent they need.
/// </summary>
/// <param name="Fraction">The rate as a fraction (8% is 0.08). May be negative for a growth rate.</param>
/// <param name="Period">The period the fraction applies to.</param>
public readonly record struct Rate(double Fraction, RatePeriod Period)
{
    /// <summary>A zero rate.</summary>
    public static Rate Zero => new(0, RatePeriod.Year);

    /// <summary>Creates a yearly rate.</summary>
    public static Rate PerYear(double fraction) => new(fraction, RatePeriod.Year);

    /// <summary>Creates a monthly rate.</summary>
    public static Rate PerMonth(double fraction) => new(fraction, RatePeriod.Month);

    /// <summary>The monthly rate with compounding: (1 + annual)^(1/12) - 1. For discount rates.</summary>
    public double CompoundedMonthly() =>
        Period == RatePeriod.Month ? Fraction : Math.Pow(1 + Fraction, 1.0 / 12) - 1;

    /// <summary>
    /// The monthly probability of an event whose yearly probability is the rate: 1 - (1 - p)^(1/12).
    /// For hazards (default, drift, regime switches).
    /// </summary>
    public double MonthlyProbability() =>
        Period == RatePeriod.Month ? Fraction : 1 - Math.Pow(1 - Fraction, 1.0 / 12);

    /// <summary>The monthly drift of a log-process quoted per year: annual / 12. For growth rates.</summary>
    public double MonthlyDrift() => Period == RatePeriod.Month ? Fraction : Fraction / 12;

    /// <summary>The monthly volatility of a log-process quoted per year: annual / sqrt(12).</summary>
    public double MonthlyVolatility() => Period == RatePeriod.Month ? Fraction : Fraction / Math.Sqrt(12);
}
