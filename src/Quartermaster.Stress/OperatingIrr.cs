namespace Quartermaster.Stress;

/// <summary>
/// The internal rate of return of one path's operating cash by calendar year: the yearly rate r at which
/// sum over years of cash_y (1 + r)^(-m_y / 12) = 0, with m_y the horizon month that ends year y. Solved in
/// x = (1 + r)^(-1/12), where the sum is a polynomial with whole exponents, by Newton steps kept inside a
/// bracket by bisection. Runs once per path: no allocation, a few dozen multiplications per iteration.
/// </summary>
internal static class OperatingIrr
{
    /// <summary>The lowest rate searched: -99.99% a year.</summary>
    public const double LowestRate = -0.9999;

    /// <summary>The highest rate searched: 10,000% a year.</summary>
    public const double HighestRate = 100;

    private static readonly double XAtHighest = Math.Pow(1 + HighestRate, -1.0 / 12);
    private static readonly double XAtLowest = Math.Pow(1 + LowestRate, -1.0 / 12);

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
        double low = XAtHighest, high = XAtLowest;
        var (fLow, _) = Npv(cash, months, low);
        var (fHigh, _) = Npv(cash, months, high);
        if (fLow == 0)
        {
            return HighestRate;
        }
        if (fHigh == 0)
        {
            return LowestRate;
        }
        if ((fLow < 0) == (fHigh < 0))
        {
            return double.NaN;
        }
        var x = 1.0; // r = 0 lies inside the bracket
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var (f, slope) = Npv(cash, months, x);
            if (f == 0)
            {
                break;
            }
            if ((f < 0) == (fLow < 0))
            {
                low = x;
            }
            else
            {
                high = x;
            }
            var next = x - (f / slope);
            if (!(next > low && next < high))
            {
                next = (low + high) / 2; // Newton left the bracket (or the slope vanished): bisect
            }
            var converged = Math.Abs(next - x) <= 1e-15 * x || high - low <= 1e-15 * x;
            x = next;
            if (converged)
            {
                break;
            }
        }
        return (1 / IntegerPower(x, 12)) - 1;
    }

    // NPV at x = (1 + r)^(-1/12) and its derivative in x: sum c_y x^m_y and sum c_y m_y x^(m_y - 1).
    private static (double Value, double Slope) Npv(ReadOnlySpan<double> cash, ReadOnlySpan<int> months, double x)
    {
        var x12 = IntegerPower(x, 12);
        double value = 0, slope = 0, power = 1;
        var previous = 0;
        for (var y = 0; y < cash.Length; y++)
        {
            var step = months[y] - previous;
            power *= step == 12 ? x12 : IntegerPower(x, step);
            previous = months[y];
            value += cash[y] * power;
            slope += cash[y] * months[y] * power;
        }
        return (value, slope / x);
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
