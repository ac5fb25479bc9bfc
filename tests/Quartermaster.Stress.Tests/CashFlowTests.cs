using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>Deterministic books (zero volatility, no growth) whose payoff can be computed by hand.</summary>
public class CashFlowTests
{
    private static readonly ScenarioSettings Flat = SmallBooks.BoomForever(0, 0, paths: 3);

    [Fact]
    public void Revenue_never_falls_below_the_take_or_pay_floor()
    {
        // Demand is half the commitment (50 MW) but 80% is take-or-pay: 80 MW * $1000 paid each month.
        var book = SmallBooks.OneTenant(Flat, months: 12, mw: 100, price: 1000, takeOrPay: 0.8, risk: SmallBooks.Quiet with { DemandFraction = 0.5 });

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.All(result.MeanRevenueByMonthUsd, r => Assert.Equal(80_000, r, 1e-9));
        Assert.All(result.MeanUsedMwByMonth, u => Assert.Equal(50, u, 1e-12));
        Assert.Equal(12 * 80_000, result.Payoff.Total.MeanUsd, 1e-6);
    }

    [Fact]
    public void A_certain_default_in_month_1_pays_only_the_recovery_of_the_remaining_take_or_pay_then()
    {
        // Hazard 100%/month: default at the start of month 1. Remaining take-or-pay over the 12-month
        // term is 12 * 0.5 * 100 MW * $1000 = $600,000; 40% of it, $240,000, is paid in month 1,
        // discounted one month at 1%/month. The stake is worth nothing after the default.
        var risk = SmallBooks.Quiet with { DefaultHazardBoom = Rate.PerMonth(1), RecoveryFraction = 0.4 };
        var scenario = Flat with { DiscountRate = Rate.PerMonth(0.01) };
        var stake = new Investment("stake", "lab", 50_000, 0.1, 1_000_000, 1, null);
        var book = SmallBooks.OneTenant(scenario, months: 12, mw: 100, price: 1000, takeOrPay: 0.5, risk: risk, investments: [stake]);

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.Equal(240_000, result.MeanRevenueByMonthUsd[0], 1e-6);
        Assert.All(result.MeanRevenueByMonthUsd.Skip(1), r => Assert.Equal(0, r));
        Assert.All(result.MeanUsedMwByMonth, u => Assert.Equal(0, u));
        Assert.Equal((240_000 / 1.01) - 50_000, result.Payoff.Total.MeanUsd, 1e-6);
        Assert.Equal(0, result.Payoff.Total.ProbabilityOfLoss); // the recovery still beats the stake
    }

    [Fact]
    public void Payoff_discounts_revenue_opex_capex_and_equity_monthly_and_subtracts_the_investment_undiscounted()
    {
        // 3 months at 1%/month. Revenue 100 MW * $1000 = $100,000 a month. A site of 150 MW online
        // from month 1 and 200 MW from month 3: capex $1,000/MW gives $150,000 in month 1 and
        // $50,000 in month 3; opex $100/MW-month gives $15,000, $15,000, $20,000. Equity at T:
        // 10% of $1,000,000 with S = w = 1, $100,000 at month 3. Investment $50,000 at month 0. Residual value at the
        // end of month 3 over the default 240-month facility life: $150,000 x 237/240 + $50,000 x 239/240, discounted from month 3.
        var scenario = Flat with { DiscountRate = Rate.PerMonth(0.01) };
        var site = SmallBooks.Site("s1", 1000, 100, new MwStep(SmallBooks.Start, 150), new MwStep(SmallBooks.Start.Plus(2), 200));
        var stake = new Investment("stake", "lab", 50_000, 0.1, 1_000_000, 1.5, null);
        var book = SmallBooks.OneTenant(scenario, months: 3, mw: 100, price: 1000, sites: [site], investments: [stake]);

        var result = StressEngine.Run(StressInput.Committed(book));

        const double d = 1 / 1.01;
        var expected = (d * (100_000 - 150_000 - 15_000)) + (d * d * (100_000 - 15_000)) + (d * d * d * (100_000 - 50_000 - 20_000)) + (d * d * d * 100_000) - 50_000
            + (d * d * d * ((150_000 * 237.0 / 240) + (50_000 * 239.0 / 240)));
        Assert.Equal(expected, result.Payoff.Total.MeanUsd, 1e-6);
        Assert.Equal(new[] { 50.0, 50, 100 }, result.MeanIdleMwByMonth);
        Assert.Equal(300.0 / 500, result.Utilisation, 1e-12);
        Assert.Equal(0.2, result.MeanIdleGwMonths, 1e-12);
    }

    [Fact]
    public void A_certain_drift_every_month_removes_its_fraction_of_the_remaining_demand_each_time()
    {
        // Hazard 100%/month, fraction 50%: demand 100 MW becomes 50, 25, 12.5 in months 1..3.
        var risk = SmallBooks.Quiet with { DriftHazard = Rate.PerMonth(1), DriftFraction = 0.5 };
        var book = SmallBooks.OneTenant(Flat, months: 3, mw: 100, price: 1000, risk: risk);

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.Equal(new[] { 50_000.0, 25_000, 12_500 }, result.MeanRevenueByMonthUsd);
    }

    [Fact]
    public void Equity_grows_with_the_sector_index_to_the_power_beta()
    {
        // Zero volatility, growth 12%/yr = 1%/month: S_T = e^{0.01 * 12}; equity 10% of $1M times S_T^2.
        var scenario = SmallBooks.BoomForever(0.12, 0, paths: 2);
        var stake = new Investment("stake", "lab", 0, 0.1, 1_000_000, 2, null);
        var book = SmallBooks.OneTenant(scenario, months: 12, mw: 100, price: 0, investments: [stake]);

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.Equal(100_000 * Math.Exp(2 * 0.12), result.Payoff.Total.MeanUsd, 1e-6);
    }
}
