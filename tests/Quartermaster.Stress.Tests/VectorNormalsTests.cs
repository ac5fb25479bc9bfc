namespace Quartermaster.Stress.Tests;

public class VectorNormalsTests
{
    [Theory]
    [InlineData(7UL, 0L, 1UL)]
    [InlineData(2026UL, 999_999L, 2UL)]
    [InlineData(ulong.MaxValue, long.MaxValue, 12345UL)]
    public void Vector512_and_Vector256_lanes_give_the_same_bits(ulong seed, long path, ulong stream)
    {
        var wide = new double[4096];
        var narrow = new double[4096];
        VectorNormals.Fill(seed, path, stream, wide, wide: true);
        VectorNormals.Fill(seed, path, stream, narrow, wide: false);
        for (var j = 0; j < wide.Length; j++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(narrow[j]), BitConverter.DoubleToInt64Bits(wide[j]));
        }
    }

    [Fact]
    public void Normal_j_depends_only_on_the_key_and_j_not_on_how_many_are_drawn()
    {
        var few = new double[32];
        var many = new double[160];
        VectorNormals.Fill(5, 17, 3, few);
        VectorNormals.Fill(5, 17, 3, many);
        Assert.Equal(few, many[..32]);
        var otherPath = new double[32];
        VectorNormals.Fill(5, 18, 3, otherPath);
        Assert.All(Enumerable.Range(0, 32), j => Assert.NotEqual(few[j], otherPath[j]));
    }

    [Fact]
    public void A_span_that_is_not_whole_blocks_is_refused() =>
        Assert.Throws<ArgumentException>(() => VectorNormals.Fill(1, 1, 1, new double[VectorNormals.Block + 1]));

    [Fact]
    public void Normals_have_mean_0_variance_1_kurtosis_3_and_normal_tails()
    {
        const int n = 2_000_000;
        var block = new double[4096];
        double sum = 0, squares = 0, fourth = 0;
        int beyondOne = 0, beyondTwo = 0, beyondThree = 0, beyondFour = 0, belowMinusOne = 0;
        for (var path = 0; path < n / block.Length; path++)
        {
            VectorNormals.Fill(2026, path, 1, block);
            foreach (var x in block)
            {
                Assert.True(double.IsFinite(x));
                sum += x;
                squares += x * x;
                fourth += x * x * x * x;
                beyondOne += Math.Abs(x) > 1 ? 1 : 0;
                beyondTwo += Math.Abs(x) > 2 ? 1 : 0;
                beyondThree += Math.Abs(x) > 3 ? 1 : 0;
                beyondFour += Math.Abs(x) > 4 ? 1 : 0;
                belowMinusOne += x < -1 ? 1 : 0;
            }
        }
        var count = n / block.Length * block.Length;
        var mean = sum / count;
        var variance = (squares / count) - (mean * mean);
        Assert.InRange(mean, -4 / Math.Sqrt(count), 4 / Math.Sqrt(count));
        Assert.InRange(variance, 1 - (4 * Math.Sqrt(2.0 / count)), 1 + (4 * Math.Sqrt(2.0 / count))); // Var(x^2) = 2
        Assert.InRange(fourth / count, 3 - (4 * Math.Sqrt(96.0 / count)), 3 + (4 * Math.Sqrt(96.0 / count))); // E x^4 = 3, Var(x^4) = 96
        AssertProportion(beyondOne, count, 2 * (1 - NormalDistribution.Cdf(1)));
        AssertProportion(belowMinusOne, count, 1 - NormalDistribution.Cdf(1));
        AssertProportion(beyondTwo, count, 2 * (1 - NormalDistribution.Cdf(2)));
        AssertProportion(beyondThree, count, 2 * (1 - NormalDistribution.Cdf(3)));
        AssertProportion(beyondFour, count, 2 * (1 - NormalDistribution.Cdf(4)));
    }

    [Fact]
    public void Each_quadrant_of_the_angle_is_equally_likely_so_pairs_are_uncorrelated()
    {
        // Normals j and j + 8 of a block share a radius: their product must still average 0 (cos * sin over a full turn).
        var block = new double[4096];
        double product = 0, count = 0;
        for (var path = 0; path < 200; path++)
        {
            VectorNormals.Fill(9, path, 4, block);
            for (var b = 0; b < block.Length; b += VectorNormals.Block)
            {
                for (var i = 0; i < 8; i++)
                {
                    product += block[b + i] * block[b + i + 8];
                    count++;
                }
            }
        }
        Assert.InRange(product / count, -4 / Math.Sqrt(count), 4 / Math.Sqrt(count)); // Var(x y) = 1 for independent normals
    }

    private static void AssertProportion(int hits, int n, double p)
    {
        var standardError = Math.Sqrt(p * (1 - p) / n);
        Assert.InRange((double)hits / n, p - (4 * standardError) - (1.0 / n), p + (4 * standardError) + (1.0 / n));
    }
}
