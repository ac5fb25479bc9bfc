using System.Runtime.Intrinsics;

namespace Quartermaster.Stress.Tests;

public class VectorExpTests
{
    [Fact]
    public void Vector_exp_is_within_two_ulps_of_Math_Exp_from_minus_700_to_700()
    {
        var r = new CounterRandom(3, 0, 0);
        for (var i = 0; i < 100_000; i++)
        {
            var x = Vector256.Create(
                (r.NextUniform() * 1400) - 700,
                (r.NextUniform() * 4) - 2,
                -r.NextUniform() * 30,
                r.NextUniform() * 1e-6);
            var e = VectorExp.Exp(x);
            for (var lane = 0; lane < 4; lane++)
            {
                var exact = Math.Exp(x.GetElement(lane));
                Assert.True(Math.Abs(e.GetElement(lane) - exact) <= 2 * (Math.BitIncrement(exact) - exact), $"exp({x.GetElement(lane):R})");
            }
        }
    }

    [Fact]
    public void Vector_exp_of_0_is_exactly_1_and_extremes_stay_finite()
    {
        var e = VectorExp.Exp(Vector256.Create(0.0, -1000, 1000, 1));

        Assert.Equal(1.0, e.GetElement(0));
        Assert.InRange(e.GetElement(1), 0, 1e-300);
        Assert.True(double.IsFinite(e.GetElement(2)));
        Assert.Equal(Math.E, e.GetElement(3), 1e-15);
    }

    [Fact]
    public void Lane_sum_adds_in_a_fixed_order()
    {
        // In doubles 1e16 + 1 rounds to 1e16 and -1e16 + 1 to -1e16 (ties to even), so
        // ((1e16 + 1) + (-1e16 + 1)) is 0, while ((1e16 - 1e16) + (1 + 1)) would be 2.
        var v = Vector256.Create(1e16, 1, -1e16, 1);

        Assert.Equal(0.0, VectorExp.Sum(v));
    }
}
