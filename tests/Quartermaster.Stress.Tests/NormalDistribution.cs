namespace Quartermaster.Stress.Tests;

/// <summary>The standard normal CDF, for closed-form expectations in tests.</summary>
internal static class NormalDistribution
{
    /// <summary>Phi(x), from Numerical Recipes' Chebyshev fit of erfc (relative error below 1.2e-7).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        // Horner form of the Chebyshev polynomial in t.
        ReadOnlySpan<double> c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            poly = (poly * t) + c[i];
        }
        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
