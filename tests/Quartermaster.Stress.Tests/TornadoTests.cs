using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

public class TornadoTests
{
    [Fact]
    public void Bars_are_ranked_by_swing_and_price_moves_a_deterministic_payoff_by_exactly_its_step()
    {
        // Flat, undiscounted, no risk: payoff = 12 months * 100 MW * $1000 = $1.2M, linear in price,
        // so the price bar runs from $1.08M to $1.32M and nothing else moves the payoff.
        var book = SmallBooks.OneTenant(SmallBooks.BoomForever(0, 0, paths: 4), months: 12, mw: 100, price: 1000);

        var chart = StressEngine.Tornado(StressInput.Committed(book));

        Assert.Equal(1_200_000, chart.Base.Total, 1e-6);
        Assert.Equal(TornadoInputs.Default.Count, chart.Bars.Count);
        var price = chart.Bars[0];
        Assert.Equal("price", price.Input);
        Assert.Equal(1_080_000, price.Effect.Total.Low, 1e-6);
        Assert.Equal(1_320_000, price.Effect.Total.High, 1e-6);
        Assert.Equal(240_000, price.Effect.Total.Swing, 1e-6);
        Assert.True(chart.Bars.Zip(chart.Bars.Skip(1)).All(p => p.First.Effect.Total.Swing >= p.Second.Effect.Total.Swing));
    }

    [Fact]
    public void Higher_boom_growth_raises_the_mean_payoff_of_a_book_with_unused_demand_headroom()
    {
        var chart = StressEngine.Tornado(StressInput.Unlimited(SmallBooks.Rivals(months: 24, paths: 1000)), [TornadoInputs.Default[0]]);

        var growth = Assert.Single(chart.Bars);
        Assert.Equal("boom.growth", growth.Input);
        Assert.True(growth.Effect.Total.High > chart.Base.Total);
        Assert.True(chart.Base.Total > growth.Effect.Total.Low);
    }

    [Fact]
    public void Steps_keep_the_period_the_book_wrote_and_probabilities_stay_at_most_1()
    {
        Assert.Equal(Rate.PerYear(0.25), TornadoInputs.Shift(Rate.PerYear(0.20), 0.05));
        Assert.Equal(0.02, TornadoInputs.Shift(Rate.PerMonth(0.01), 0.12).Fraction, 1e-15);
        Assert.Equal(RatePeriod.Month, TornadoInputs.Shift(Rate.PerMonth(0.01), 0.12).Period);
        Assert.Equal(Rate.PerMonth(1), TornadoInputs.Scale(Rate.PerMonth(0.9), 1.25));
        Assert.Equal(Rate.PerYear(1.25), TornadoInputs.Stretch(Rate.PerYear(1), 1.25));
    }
}
