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

    // Flat and undiscounted: revenue 12 * 100 MW * $1000 = $1.2M; facility capex 100 MW * $11,400 = $1.14M, written off
    // over a 1-year life so no residual value is left at the horizon; payoff $60K.
    // Price -10% makes it -$60K (a loss), +10% $180K; demand -10% uses 90 MW and makes it -$60K too (+10% is capped
    // at the 100 MW allocated); capex +10% makes it -$54K, -10% $174K.
    private static readonly Book Thin = SmallBooks.OneTenant(SmallBooks.BoomForever(0, 0, paths: 4), months: 12, mw: 100, price: 1000,
        sites: [SmallBooks.Site("s1", 11_400, 0, new MwStep(SmallBooks.Start, 100)) with { FacilityLifeYears = 1 }]);

    [Fact]
    public void Ranked_by_chance_of_loss_the_inputs_that_tip_a_thin_book_into_loss_come_first()
    {
        var chart = StressEngine.Tornado(StressInput.Committed(Thin), metric: TornadoMetric.ProbabilityOfLoss);

        Assert.Equal(TornadoMetric.ProbabilityOfLoss, chart.Metric);
        Assert.Equal(new PayoffLines<double>(0, 0, 0), chart.Base);
        Assert.Equal(new[] { "price", "demand", "capex" }, chart.Bars.Take(3).Select(b => b.Input));
        Assert.Equal(new TornadoSwing(1, 0, 1), chart.Bars[0].Effect.Total);
        Assert.Equal(new TornadoSwing(1, 0, 1), chart.Bars[1].Effect.Total);
        Assert.Equal(new TornadoSwing(0, 1, 1), chart.Bars[2].Effect.Total);
        Assert.Equal(chart.Bars[0].Effect.Total, chart.Bars[0].Effect.Operating);
        Assert.All(chart.Bars.Skip(3), b => Assert.Equal(0, b.Effect.Total.Swing));
    }

    [Fact]
    public void Ranked_by_VaR95_a_deterministic_book_s_bars_are_its_payoff_negated()
    {
        var chart = StressEngine.Tornado(StressInput.Committed(Thin), metric: TornadoMetric.Var95);

        Assert.Equal(-60_000, chart.Base.Total, 1e-6);
        var price = chart.Bars[0];
        Assert.Equal("price", price.Input);
        Assert.Equal("Contract prices", price.Label);
        Assert.Equal(60_000, price.Effect.Total.Low, 1e-6);
        Assert.Equal(-180_000, price.Effect.Total.High, 1e-6);
        Assert.Equal(240_000, price.Effect.Operating.Swing, 1e-6);
        Assert.Equal(0, price.Effect.Stakes.Swing);
    }

    [Fact]
    public void Bars_can_be_ranked_by_the_operating_book_where_a_stake_dominates_the_total()
    {
        // A stake whose value swings with sector growth much more than the contracts do.
        var stake = new Investment("stake", "lab", 0, 0.5, 1e9, 2, null);
        var book = SmallBooks.OneTenant(SmallBooks.BoomForever(0.1, 0.2, paths: 500), months: 24, mw: 100, price: 1000, investments: [stake]);

        var chart = StressEngine.Tornado(StressInput.Unlimited(book), [TornadoInputs.Default[0], TornadoInputs.Default[9]]);

        Assert.Equal("boom.growth", chart.Bars[0].Input); // the stake's growth dominates the total
        Assert.Equal("price", chart.RankedBy(PayoffLine.Operating)[0].Input);
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
