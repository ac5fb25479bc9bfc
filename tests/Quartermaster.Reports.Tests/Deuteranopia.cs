namespace Quartermaster.Reports.Tests;

/// <summary>How far apart two colours look to a person with deuteranopia: simulated, then compared in CIELAB.</summary>
internal static class Deuteranopia
{
    // Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
    private static readonly double[,] Simulation =
    {
        { 0.367322, 0.860646, -0.227968 },
        { 0.280085, 0.672501, 0.047413 },
        { -0.011820, 0.042940, 0.968881 },
    };

    /// <summary>CIE76 distance (Delta E) between <paramref name="a"/> and <paramref name="b"/> (#RRGGBB) as simulated.</summary>
    public static double Distance(string a, string b)
    {
        var (x, y) = (Lab(a), Lab(b));
        return Math.Sqrt(Math.Pow(x.L - y.L, 2) + Math.Pow(x.A - y.A, 2) + Math.Pow(x.B - y.B, 2));
    }

    private static (double L, double A, double B) Lab(string hex)
    {
        var rgb = new[] { 1, 3, 5 }.Select(i => Linear(Convert.ToInt32(hex.Substring(i, 2), 16) / 255.0)).ToArray();
        var s = new double[3];
        for (var i = 0; i < 3; i++)
        {
            s[i] = Math.Clamp((Simulation[i, 0] * rgb[0]) + (Simulation[i, 1] * rgb[1]) + (Simulation[i, 2] * rgb[2]), 0, 1);
        }
        var x = ((0.4124 * s[0]) + (0.3576 * s[1]) + (0.1805 * s[2])) / 0.95047;
        var y = (0.2126 * s[0]) + (0.7152 * s[1]) + (0.0722 * s[2]);
        var z = ((0.0193 * s[0]) + (0.1192 * s[1]) + (0.9505 * s[2])) / 1.08883;
        var (fx, fy, fz) = (F(x), F(y), F(z));
        return ((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));

        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : (7.787 * t) + (16.0 / 116);
    }

    private static double Linear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
}
