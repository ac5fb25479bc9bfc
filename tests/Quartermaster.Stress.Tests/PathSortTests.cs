namespace Quartermaster.Stress.Tests;

public class PathSortTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(200_003)]
    public void Sorts_payoff_like_values_in_the_order_Array_Sort_gives(int count)
    {
        // Losses and gains over many magnitudes, ties, zeros and the extremes.
        var random = new CounterRandom(7, count, 1);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var magnitude = Math.Pow(10, (random.NextUniform() * 24) - 6);
            values[i] = (i % 7) switch
            {
                0 => 0.0,
                1 => -magnitude,
                2 => Math.Round(magnitude), // ties
                3 => i % 3 == 0 ? double.MaxValue : double.Epsilon,
                4 => i % 3 == 0 ? double.MinValue : -double.Epsilon,
                _ => random.NextNormal() * magnitude,
            };
        }
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        PathSort.Sort(values);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), values.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Puts_every_negative_zero_before_every_positive_zero()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? 0.0 : -0.0).ToArray();

        PathSort.Sort(values);

        Assert.All(values.Take(5_000), v => Assert.True(double.IsNegative(v)));
        Assert.All(values.Skip(5_000), v => Assert.False(double.IsNegative(v)));
    }
}
