namespace Quartermaster.Stress.Tests;

public class CounterRandomTests
{
    [Fact]
    public void The_same_key_gives_the_same_numbers()
    {
        var a = new CounterRandom(7, 123, 5);
        var b = new CounterRandom(7, 123, 5);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
        Assert.Equal(a.NextNormal(), b.NextNormal());
    }

    [Theory]
    [InlineData(8, 123, 5)]
    [InlineData(7, 124, 5)]
    [InlineData(7, 123, 6)]
    public void Changing_seed_path_or_stream_changes_every_early_draw(ulong seed, long path, ulong stream)
    {
        var a = new CounterRandom(7, 123, 5);
        var b = new CounterRandom(seed, path, stream);
        for (var i = 0; i < 100; i++)
        {
            Assert.NotEqual(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void First_uniforms_drawn_eight_streams_at_a_time_are_the_scalar_draws_bit_for_bit()
    {
        // 6,000 streams: about 2% of stream keys take MixGamma's low-popcount branch, so both of its arms are compared.
        var random = new Random(17);
        for (var trial = 0; trial < 300; trial++)
        {
            var pathKey = CounterRandom.PathKey((ulong)random.NextInt64(), random.NextInt64(0, 1_000_000));
            var streams = new ulong[random.Next(0, 41)];
            for (var i = 0; i < streams.Length; i++)
            {
                streams[i] = (ulong)random.NextInt64();
            }
            var uniforms = new double[streams.Length];
            CounterRandom.FirstUniforms(pathKey, streams, uniforms);
            for (var i = 0; i < streams.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(CounterRandom.OfPath(pathKey, streams[i]).NextUniform()), BitConverter.DoubleToInt64Bits(uniforms[i]));
            }
        }
    }

    [Fact]
    public void Count_is_the_number_of_64_bit_draws_taken()
    {
        var r = new CounterRandom(1, 2, 3);
        for (var i = 0; i < 37; i++)
        {
            r.NextUInt64();
        }
        Assert.Equal(37UL, r.Count);
    }

    [Fact]
    public void Normals_have_mean_0_variance_1_and_the_right_tail_mass()
    {
        const int n = 2_000_000;
        var r = new CounterRandom(2026, 0, 1);
        double sum = 0, squares = 0, fourth = 0;
        var beyondTailStart = 0; // |x| > R = 3.654: only the ziggurat's tail code produces these
        var beyondOne = 0;
        for (var i = 0; i < n; i++)
        {
            var x = r.NextNormal();
            sum += x;
            squares += x * x;
            fourth += x * x * x * x;
            beyondTailStart += Math.Abs(x) > 3.6541528853610088 ? 1 : 0;
            beyondOne += Math.Abs(x) > 1 ? 1 : 0;
        }
        var mean = sum / n;
        var variance = (squares / n) - (mean * mean);
        Assert.InRange(mean, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - (4 * Math.Sqrt(2.0 / n)), 1 + (4 * Math.Sqrt(2.0 / n))); // Var(x^2) = 2
        Assert.InRange(fourth / n, 3 - (4 * Math.Sqrt(96.0 / n)), 3 + (4 * Math.Sqrt(96.0 / n))); // E x^4 = 3, Var(x^4) = 96
        AssertProportion(beyondOne, n, 2 * (1 - NormalDistribution.Cdf(1)));
        AssertProportion(beyondTailStart, n, 2 * (1 - NormalDistribution.Cdf(3.6541528853610088)));
    }

    [Fact]
    public void Uniforms_lie_in_0_1_and_exponentials_have_mean_1()
    {
        const int n = 1_000_000;
        var r = new CounterRandom(5, 5, 5);
        double uniforms = 0, exponentials = 0;
        for (var i = 0; i < n; i++)
        {
            var u = r.NextUniform();
            Assert.True(u is > 0 and <= 1);
            uniforms += u;
            exponentials += r.NextExponential();
        }
        Assert.InRange(uniforms / n, 0.5 - (4 * Math.Sqrt(1.0 / 12 / n)), 0.5 + (4 * Math.Sqrt(1.0 / 12 / n)));
        Assert.InRange(exponentials / n, 1 - (4 / Math.Sqrt(n)), 1 + (4 / Math.Sqrt(n)));
    }

    private static void AssertProportion(int hits, int n, double p)
    {
        var standardError = Math.Sqrt(p * (1 - p) / n);
        Assert.InRange((double)hits / n, p - (4 * standardError), p + (4 * standardError));
    }
}
