using Quartermaster.Core;

namespace Quartermaster.Core.Tests;

/// <summary>A model value that exists is valid: building one that breaks its invariants fails at once, naming the field.</summary>
public class PreconditionTests
{
    private static readonly Month Jan = new(2026, 1);

    private static Contract Contract(double price = 100, double takeOrPay = 0.8, double weight = 1, Month? end = null, double mw = 10) =>
        new("c", "t", Jan, end ?? Jan.Plus(11), price, takeOrPay, ValueList.Of("gb300"), ValueList.Of("us-east"), Isolation.Shared, weight, ValueList.Of(new MwStep(Jan, mw)));

    [Fact]
    public void A_horizon_that_ends_before_it_starts_cannot_be_built()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Horizon(Jan, new Month(2025, 12)));
        Assert.Equal("End", error.ParamName);
        Assert.Equal(12, new Horizon(Jan, Jan.Plus(11)).MonthCount);
    }

    [Theory]
    [InlineData(-1, 0.8, 1, "PricePerMwMonthUsd")]
    [InlineData(double.NaN, 0.8, 1, "PricePerMwMonthUsd")]
    [InlineData(100, 1.5, 1, "TakeOrPayFraction")]
    [InlineData(100, -0.1, 1, "TakeOrPayFraction")]
    [InlineData(100, 0.8, 0, "Weight")]
    [InlineData(100, 0.8, double.PositiveInfinity, "Weight")]
    public void A_contract_with_a_price_take_or_pay_or_weight_out_of_range_cannot_be_built(double price, double takeOrPay, double weight, string field)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Contract(price, takeOrPay, weight));
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_contract_ending_before_its_start_or_ramping_to_negative_mw_cannot_be_built()
    {
        Assert.Equal("End", Assert.Throws<ArgumentOutOfRangeException>(() => Contract(end: new Month(2025, 6))).ParamName);
        Assert.Equal("Mw", Assert.Throws<ArgumentOutOfRangeException>(() => Contract(mw: -5)).ParamName);
        Assert.Equal(10, Contract().CommittedMw(Jan));
    }

    [Fact]
    public void A_copy_with_a_value_out_of_range_cannot_be_made_either()
    {
        // The planner's weighted policy relies on this: no contract, built or copied, has a weight of 0.
        Assert.Equal("Weight", Assert.Throws<ArgumentOutOfRangeException>(() => Contract() with { Weight = 0 }).ParamName);
        Assert.Equal("End", Assert.Throws<ArgumentOutOfRangeException>(() => new Horizon(Jan, Jan) with { End = new Month(2025, 1) }).ParamName);
        Assert.Equal(2, (Contract() with { Weight = 2 }).Weight);
    }

    [Fact]
    public void A_site_needs_a_hall_non_negative_costs_and_pool_shares_within_0_and_1()
    {
        Site Site(int halls = 2, double capex = 1e7, double refresh = 5, double share = 1) =>
            new("s", "us-east", halls, capex, 7e4, ValueList.Of(new ChipPool("gb300", share)), ValueList.Of(new MwStep(Jan, 100)), 0, refresh);

        Assert.Equal("Halls", Assert.Throws<ArgumentOutOfRangeException>(() => Site(halls: 0)).ParamName);
        Assert.Equal("CapexPerMwUsd", Assert.Throws<ArgumentOutOfRangeException>(() => Site(capex: -1)).ParamName);
        Assert.Equal("ItRefreshYears", Assert.Throws<ArgumentOutOfRangeException>(() => Site(refresh: 0)).ParamName);
        Assert.Equal("ShareFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Site(share: 1.2)).ParamName);
        Assert.Equal(100, Site().OnlineMw(Jan));
    }
}
