using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>Operating cash by calendar year, payback and IRR on deterministic books computed by hand.</summary>
public class CashFlowByYearTests
{
    private static readonly ScenarioSettings Flat = SmallBooks.BoomForever(0, 0, paths: 5);

    // 100 MW at $1000/MW-month for 36 months ($100K a month); $2.4M of facility capex in month 1, no opex.
    private static readonly Book Build = SmallBooks.OneTenant(Flat, months: 36, mw: 100, price: 1000,
        sites: [SmallBooks.Site("s1", 24_000, 0, new MwStep(SmallBooks.Start, 100))]);

    [Fact]
    public void Yearly_cash_is_revenue_less_costs_by_calendar_year_and_cumulates()
    {
        var years = StressEngine.Run(StressInput.Committed(Build)).CashFlow.Years;

        Assert.Equal(new[] { 2026, 2027, 2028 }, years.Select(y => y.Year));
        Assert.Equal(new[] { -1_200_000.0, 1_200_000, 1_200_000 }, years.Select(y => y.Cash.MeanUsd));
        Assert.Equal(new[] { -1_200_000.0, 0, 1_200_000 }, years.Select(y => y.Cumulative.MeanUsd));
        // Every path is the same, so each percentile is the value, read from a sketch bin (within 1.6%).
        Assert.All(years, y =>
        {
            foreach (var p in new[] { y.Cash.P5Usd, y.Cash.P50Usd, y.Cash.P95Usd })
            {
                Assert.InRange(p, y.Cash.MeanUsd - (Math.Abs(y.Cash.MeanUsd) * 0.016), y.Cash.MeanUsd + (Math.Abs(y.Cash.MeanUsd) * 0.016));
            }
        });
        Assert.Equal(0, years[1].Cumulative.P50Usd); // a cumulative of exactly 0 reads as 0
    }

    [Fact]
    public void Payback_is_the_month_from_which_cumulative_cash_stays_at_or_above_zero()
    {
        // -2.4M + 100K t reaches 0 in month 24 (2027-12) and stays above.
        var payback = StressEngine.Run(StressInput.Committed(Build)).CashFlow.Payback;

        Assert.Equal(new PaybackDistribution(1, new Month(2027, 12), new Month(2027, 12), new Month(2027, 12)), payback);
    }

    [Fact]
    public void The_IRR_of_minus_one_then_plus_one_twice_is_the_golden_ratio_less_one()
    {
        // Yearly cash -1.2M, +1.2M, +1.2M at year ends: -1 + y + y^2 = 0 with y = 1/(1+r), so r = (1 + sqrt 5)/2 - 1.
        var irr = StressEngine.Run(StressInput.Committed(Build)).CashFlow.Irr;

        var golden = ((1 + Math.Sqrt(5)) / 2) - 1;
        Assert.Equal(1, irr.ProbabilityDefined);
        Assert.Equal(golden, irr.P50!.Value, 1e-12);
        Assert.Equal(golden, irr.P5!.Value, 1e-12);
    }

    [Fact]
    public void A_book_that_never_earns_has_no_payback_and_an_IRR_of_minus_100_percent()
    {
        var cost = SmallBooks.OneTenant(Flat, months: 24, mw: 100, price: 0, sites: [SmallBooks.Site("s1", 1000, 10, new MwStep(SmallBooks.Start, 100))]);

        var cash = StressEngine.Run(StressInput.Committed(cost)).CashFlow;

        Assert.Equal(new PaybackDistribution(0, null, null, null), cash.Payback);
        Assert.Equal(-1, cash.Irr.P50);
    }

    [Fact]
    public void A_book_with_no_costs_has_no_IRR_and_pays_back_in_its_first_month()
    {
        var free = SmallBooks.OneTenant(Flat, months: 12, mw: 100, price: 1000);

        var cash = StressEngine.Run(StressInput.Committed(free)).CashFlow;

        Assert.Equal(new IrrDistribution(0, null, null, null), cash.Irr);
        Assert.Equal(SmallBooks.Start, cash.Payback.P50);
    }

    [Fact]
    public void A_horizon_that_starts_mid_year_has_a_short_first_year()
    {
        var book = Build with { Horizon = new Horizon(new Month(2026, 7), new Month(2027, 12)) };
        book = book with { Contracts = ValueList.Of(SmallBooks.Contract("c1", "lab", 36, 100, 1000) with { Start = new Month(2026, 7), Ramp = ValueList.Of(new MwStep(new Month(2026, 7), 100)) }) };

        var years = StressEngine.Run(StressInput.Committed(book)).CashFlow.Years;

        Assert.Equal(new[] { (2026, 6), (2027, 12) }, years.Select(y => (y.Year, y.Months)));
    }
}
