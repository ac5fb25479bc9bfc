using Quartermaster.Core;

namespace Quartermaster.Core.Tests;

public class RateTests
{
    [Fact]
    public void A_yearly_discount_rate_compounds_to_its_monthly_equivalent() =>
        Assert.Equal(1.08, Math.Pow(1 + Rate.PerYear(0.08).CompoundedMonthly(), 12), 12);

    [Fact]
    public void A_yearly_hazard_becomes_the_monthly_probability_with_the_same_yearly_survival() =>
        Assert.Equal(0.9, Math.Pow(1 - Rate.PerYear(0.1).MonthlyProbability(), 12), 12);

    [Fact]
    public void Monthly_rates_are_used_as_they_are()
    {
        var rate = Rate.PerMonth(0.02);
        Assert.Equal(0.02, rate.CompoundedMonthly());
        Assert.Equal(0.02, rate.MonthlyProbability());
        Assert.Equal(0.02, rate.MonthlyDrift());
    }

    [Fact]
    public void Yearly_volatility_scales_with_the_square_root_of_time() =>
        Assert.Equal(0.3 / Math.Sqrt(12), Rate.PerYear(0.3).MonthlyVolatility(), 15);
}
