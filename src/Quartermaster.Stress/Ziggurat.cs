namespace Quartermaster.Stress;

/// <summary>
/// Tables and the slow path of the ziggurat normal sampler, Marsaglia and Tsang (2000) in Doornik's
/// 2005 form ("An improved ziggurat method to generate normal random samples"), with 256 layers.
/// Behind <see cref="CounterRandom.NextNormal"/>, one normal at a time; the stress engine draws its normals in
/// vector lanes instead (<see cref="VectorNormals"/>), since the ziggurat's rejections keep it scalar.
/// </summary>
internal static class Ziggurat
{
    /// <summary>Number of layers (a power of two).</summary>
    public const int Layers = 256;

    /// <summary>Mask that turns random bits into a layer index.</summary>
    public const ulong LayerMask = Layers - 1;

    // R: the x where the base layer's tail starts; V: the common area of every layer. Doornik's constants for 256 layers.
    private const double R = 3.6541528853610088;
    private const double V = 0.00492867323399;

    /// <summary>Right edge of each layer; X[Layers] is 0.</summary>
    public static readonly double[] X = new double[Layers + 1];

    /// <summary>X[i + 1] / X[i]: the part of layer i that lies wholly under the density.</summary>
    public static readonly double[] RectangleRatio = new double[Layers];

#pragma warning disable CA1810 // The tables depend on each other in order; a static constructor states that plainly.
    static Ziggurat()
#pragma warning restore CA1810
    {
        var f = Math.Exp(-0.5 * R * R);
        X[0] = V / f; // the base layer is a rectangle plus the tail, of area V
        X[1] = R;
        X[Layers] = 0;
        for (var i = 2; i < Layers; i++)
        {
            X[i] = Math.Sqrt(-2 * Math.Log((V / X[i - 1]) + f));
            f = Math.Exp(-0.5 * X[i] * X[i]);
        }
        for (var i = 0; i < Layers; i++)
        {
            RectangleRatio[i] = X[i + 1] / X[i];
        }
    }

    /// <summary>
    /// The rare case (about 1% of draws): the point fell in a wedge or in the tail. Accepts it or
    /// draws again from <paramref name="stream"/>, so the result is exactly normal.
    /// </summary>
    public static double Slow(ref CounterRandom stream, int layer, double u)
    {
        while (true)
        {
            if (Math.Abs(u) < RectangleRatio[layer])
            {
                return u * X[layer];
            }
            if (layer == 0)
            {
                return Tail(ref stream, u < 0);
            }
            var x = u * X[layer];
            var f0 = Math.Exp(-0.5 * ((X[layer] * X[layer]) - (x * x)));
            var f1 = Math.Exp(-0.5 * ((X[layer + 1] * X[layer + 1]) - (x * x)));
            if (f1 + (stream.NextUniform() * (f0 - f1)) < 1.0)
            {
                return x;
            }
            var bits = stream.NextUInt64();
            layer = (int)(bits & LayerMask);
            u = (2 * ((bits >> 11) * (1.0 / (1UL << 53)))) - 1;
        }
    }

    // Marsaglia's (1964) tail method beyond R.
    private static double Tail(ref CounterRandom stream, bool negative)
    {
        double x, y;
        do
        {
            x = Math.Log(stream.NextUniform()) / R;
            y = Math.Log(stream.NextUniform());
        }
        while (-2 * y < x * x);
        return negative ? x - R : R - x;
    }
}
