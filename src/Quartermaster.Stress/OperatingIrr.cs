namespace Quartermaster.Stress;

/// <summary>
/// The internal rate of return of one path's operating cash by calendar year: the yearly rate r at which
/// sum over years of cash_y (1 + r)^(-m_y / 12) = 0, with m_y the horizon month that ends year y. Solved in
/// x = (1 + r)^(-1/12), where the sum is a polynomial with whole exponents, by Newton's method kept inside the
/// bracket of rates searched. Runs once per path: no allocation, a few dozen multiplications per evaluation.
/// </summary>
internal static class OperatingIrr
{
    /// <summary>The lowest rate searched: -99.99% a year.</summary>
    public const double LowestRate = -0.9999;

    /// <summary>The highest rate searched: 10,000% a year.</summary>
    public const double HighestRate = 100;

    private static readonly double XAtHighest = Math.Pow(1 + HighestRate, -1.0 / 12);
    private static readonly double XAtLowest = Math.Pow(1 + LowestRate, -1.0 / 12);
    private static readonly double XAtTenPercent = Math.Pow(1.1, -1.0 / 12);

    /// <summary>
    /// The yearly IRR of <paramref name="cash"/> (one amount per year, paid in month <paramref name="months"/>[y]);
    /// -1 when no amount is positive and one is negative; NaN when none is negative, or no rate in
    /// [<see cref="LowestRate"/>, <see cref="HighestRate"/>] sets the NPV to 0.
    /// </summary>
    public static double Solve(ReadOnlySpan<double> cash, ReadOnlySpan<int> months)
    {
        bool anyIn = false, anyOut = false;
        foreach (var c in cash)
        {
            anyIn |= c > 0;
            anyOut |= c < 0;
        }
        if (!anyOut)
        {
            return double.NaN;
        }
        if (!anyIn)
        {
            return -1;
        }
        var x = SafeNewton(cash, months, XAtHighest, XAtLowest);
        return double.IsNaN(x) ? double.NaN : (1 / IntegerPower(x, 12)) - 1;
    }

    // Newton's method kept inside a bracket where the NPV changes sign (rtsafe, Numerical Recipes 9.4): a Newton step
    // that would leave the bracket, or would not halve the step before last, bisects instead, so it converges even
    // where the cash changes sign several times. Started at 10% a year, a simple root takes a few steps, each one NPV
    // and slope evaluation (Brent's method, used before, took about twenty). NaN when the NPV has the same sign at both ends.
    private static double SafeNewton(ReadOnlySpan<double> cash, ReadOnlySpan<int> months, double low, double high)
    {
        var fLow = NpvAndSlope(cash, months, low).Npv;
        var fHigh = NpvAndSlope(cash, months, high).Npv;
        if (fLow == 0 || fHigh == 0)
        {
            return fLow == 0 ? low : high;
        }
        if ((fLow < 0) == (fHigh < 0))
        {
            return double.NaN;
        }
        var (negative, positive) = fLow < 0 ? (low, high) : (high, low); // the ends where the NPV is below and above 0
        var x = Math.Clamp(XAtTenPercent, low, high);
        var step = high - low;
        var stepBefore = step;
        var (f, slope) = NpvAndSlope(cash, months, x);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            if (f == 0)
            {
                return x;
            }
            if (f < 0)
            {
                negative = x;
            }
            else
            {
                positive = x;
            }
            var newtonLeaves = (((x - positive) * slope) - f) * (((x - negative) * slope) - f) > 0;
            var slowing = Math.Abs(2 * f) > Math.Abs(stepBefore * slope);
            stepBefore = step;
            if (newtonLeaves || slowing)
            {
                step = (positive - negative) / 2;
                x = negative + step;
            }
            else
            {
                step = f / slope;
                x -= step;
            }
            if (Math.Abs(step) <= (4e-16 * Math.Abs(x)) + 1e-300)
            {
                return x;
            }
            (f, slope) = NpvAndSlope(cash, months, x);
        }
        return x;
    }

    // The NPV at x = (1 + r)^(-1/12) and its derivative in x: sum of cash_y x^m_y, and of m_y cash_y x^(m_y - 1),
    // powers built up year by year.
    private static (double Npv, double Slope) NpvAndSlope(ReadOnlySpan<double> cash, ReadOnlySpan<int> months, double x)
    {
        var x12 = IntegerPower(x, 12);
        double value = 0, weighted = 0, power = 1;
        var previous = 0;
        for (var y = 0; y < cash.Length; y++)
        {
            var step = months[y] - previous;
            power *= step == 12 ? x12 : IntegerPower(x, step);
            previous = months[y];
            var term = cash[y] * power;
            value += term;
            weighted += months[y] * term;
        }
        return (value, weighted / x);
    }

    private static double IntegerPower(double x, int n)
    {
        var result = 1.0;
        while (n > 0)
        {
            if ((n & 1) == 1)
            {
                result *= x;
            }
            x *= x;
            n >>= 1;
        }
        return result;
    }
}
