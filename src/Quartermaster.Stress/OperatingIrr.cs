namespace Quartermaster.Stress;

/// <summary>
/// The internal rate of return of one path's operating cash by calendar year: the yearly rate r at which
/// sum over years of cash_y (1 + r)^(-m_y / 12) = 0, with m_y the horizon month that ends year y. Solved in
/// x = (1 + r)^(-1/12), where the sum is a polynomial with whole exponents, by Brent's method on the bracket
/// of rates searched. Runs once per path: no allocation, a few dozen multiplications per evaluation.
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
        var x = Brent(cash, months, XAtHighest, XAtLowest);
        return double.IsNaN(x) ? double.NaN : (1 / IntegerPower(x, 12)) - 1;
    }

    // Brent's method (Brent 1973; the zbrent of Numerical Recipes) on [a, b]: inverse quadratic interpolation
    // kept inside a shrinking bracket by bisection. About 20 NPV evaluations even where the cash changes sign
    // several times and Newton steps keep leaving the bracket. NaN when the NPV has the same sign at both ends.
    private static double Brent(ReadOnlySpan<double> cash, ReadOnlySpan<int> months, double a, double b)
    {
        var fa = Npv(cash, months, a);
        var fb = Npv(cash, months, b);
        if (fa == 0 || fb == 0)
        {
            return fa == 0 ? a : b;
        }
        if ((fa < 0) == (fb < 0))
        {
            return double.NaN;
        }
        double c = a, fc = fa, d = b - a, e = d;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            if ((fb < 0) == (fc < 0))
            {
                (c, fc, d) = (a, fa, b - a);
                e = d;
            }
            if (Math.Abs(fc) < Math.Abs(fb))
            {
                (a, b, c) = (b, c, b);
                (fa, fb, fc) = (fb, fc, fb);
            }
            var tolerance = (2 * double.Epsilon) + (4e-16 * Math.Abs(b)) + 1e-14;
            var half = (c - b) / 2;
            if (Math.Abs(half) <= tolerance || fb == 0)
            {
                return b;
            }
            if (Math.Abs(e) >= tolerance && Math.Abs(fa) > Math.Abs(fb))
            {
                double p, q, s = fb / fa;
                if (a == c)
                {
                    p = 2 * half * s; // secant
                    q = 1 - s;
                }
                else
                {
                    var (qa, r) = (fa / fc, fb / fc); // inverse quadratic interpolation
                    p = s * ((2 * half * qa * (qa - r)) - ((b - a) * (r - 1)));
                    q = (qa - 1) * (r - 1) * (s - 1);
                }
                q = p > 0 ? -q : q;
                p = Math.Abs(p);
                if (2 * p < Math.Min((3 * half * q) - Math.Abs(tolerance * q), Math.Abs(e * q)))
                {
                    (e, d) = (d, p / q);
                }
                else
                {
                    (d, e) = (half, half);
                }
            }
            else
            {
                (d, e) = (half, half);
            }
            (a, fa) = (b, fb);
            b += Math.Abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
            fb = Npv(cash, months, b);
        }
        return b;
    }

    // The NPV at x = (1 + r)^(-1/12): sum over years of cash_y x^m_y, powers built up year by year.
    private static double Npv(ReadOnlySpan<double> cash, ReadOnlySpan<int> months, double x)
    {
        var x12 = IntegerPower(x, 12);
        double value = 0, power = 1;
        var previous = 0;
        for (var y = 0; y < cash.Length; y++)
        {
            var step = months[y] - previous;
            power *= step == 12 ? x12 : IntegerPower(x, step);
            previous = months[y];
            value += cash[y] * power;
        }
        return value;
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
