namespace Quartermaster.Stress.Tests;

/// <summary>The signed cash sketch and the IRR solver on their own, against exact answers.</summary>
public class CashSketchAndIrrTests
{
    [Fact]
    public void Signed_percentiles_are_read_within_a_bin_of_the_exact_order_statistics()
    {
        // 2001 amounts from -1000 to +1000 in steps of 1: the q-quantile is about 2000 q - 1000.
        var sketch = new CashSketch([1000.0]);
        for (var v = -1000; v <= 1000; v++)
        {
            sketch.AddPath([v], [v * 2.0]);
        }

        foreach (var q in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
        {
            var exact = (2000 * q) - 1000;
            Assert.InRange(sketch.Quantile(CashSketch.YearCash, 0, q), exact - (Math.Abs(exact) * 0.016) - 1, exact + (Math.Abs(exact) * 0.016) + 1);
            Assert.InRange(sketch.Quantile(CashSketch.Cumulative, 0, q), (2 * exact) - (Math.Abs(2 * exact) * 0.016) - 2, (2 * exact) + (Math.Abs(2 * exact) * 0.016) + 2);
        }
    }

    [Fact]
    public void Merging_sketches_in_any_order_gives_the_same_percentiles()
    {
        var (a, b, all) = (new CashSketch([1.0]), new CashSketch([1.0]), new CashSketch([1.0]));
        for (var i = 0; i < 500; i++)
        {
            var v = Math.Sin(i) * (i % 7 == 0 ? 100 : 1);
            (i % 2 == 0 ? a : b).AddPath([v], [v]);
            all.AddPath([v], [v]);
        }
        a.Merge(b);

        Assert.Equal(all.Quantile(CashSketch.YearCash, 0, 0.05), a.Quantile(CashSketch.YearCash, 0, 0.05));
        Assert.Equal(all.Quantile(CashSketch.YearCash, 0, 0.95), a.Quantile(CashSketch.YearCash, 0, 0.95));
    }

    [Theory]
    [InlineData(new[] { -100.0, 110 }, new[] { 12, 24 }, 0.10)]
    [InlineData(new[] { -100.0, 0, 121 }, new[] { 12, 24, 36 }, 0.10)]
    [InlineData(new[] { -100.0, 50 }, new[] { 12, 24 }, -0.50)]
    [InlineData(new[] { -100.0, 100 }, new[] { 6, 12 }, 0)] // a half year and a full one
    public void The_IRR_sets_the_NPV_of_the_yearly_cash_to_zero(double[] cash, int[] months, double expected) =>
        Assert.Equal(expected, OperatingIrr.Solve(cash, months), 1e-12);

    [Fact]
    public void The_IRR_over_a_short_last_year_discounts_it_by_its_own_months()
    {
        // -100 at month 12, +105 at month 18: (1 + r)^(1/2) = 1.05.
        Assert.Equal((1.05 * 1.05) - 1, OperatingIrr.Solve([-100.0, 105], [12, 18]), 1e-12);
    }

    [Fact]
    public void Cash_that_changes_sign_several_times_still_gets_the_rate_that_zeroes_its_NPV()
    {
        // The example's shape: building, a good year, refreshes, a last good year (billions); the NPV is 0 at
        // r = -34.999327583661%/yr (found independently by bisection to 1e-15).
        double[] cash = [-72, -33, -8, -19, 34, -15, -2.5, -5, -14, 15];
        int[] months = [12, 24, 36, 48, 60, 72, 84, 96, 108, 120];

        var irr = OperatingIrr.Solve(cash, months);

        Assert.Equal(-0.34999327583661, irr, 1e-12);
        var npv = cash.Select((c, y) => c * Math.Pow(1 + irr, -months[y] / 12.0)).Sum();
        Assert.Equal(0, npv, 1e-9);
    }

    [Fact]
    public void Cash_that_never_goes_out_has_no_IRR_and_cash_that_never_comes_in_has_minus_100_percent()
    {
        Assert.True(double.IsNaN(OperatingIrr.Solve([10.0, 20], [12, 24])));
        Assert.Equal(-1, OperatingIrr.Solve([-10.0, 0], [12, 24]));
        Assert.True(double.IsNaN(OperatingIrr.Solve([0.0, 0], [12, 24])));
    }
}
