using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>
/// The v2 model against closed forms and hand computation: the sector ceiling (unset, it is the v1 model),
/// the dated stake, the capped lognormal stake E[min(V, cap)] and the IT refresh capex.
/// </summary>
public class BoundedModelClosedFormTests
{
    private const int Paths = 20_000;

    [Fact]
    public void The_default_scenario_has_no_ceiling_so_the_v1_closed_forms_hold()
    {
        // ClosedFormTests checks E[revenue_t] = price * base * e^{mu t} and the capped lognormal on books built
        // from the defaults; they hold because the default ceiling is none.
        Assert.Null(ScenarioSettings.Default.SectorCeiling);
        var book = SmallBooks.OneTenant(SmallBooks.BoomForever(0.20, 0.25, Paths), months: 24, mw: 100, price: 1000);
        Assert.Null(book.Scenario.SectorCeiling);
        var result = StressEngine.Run(StressInput.Unlimited(book));
        var exact = 1000 * 100 * Math.Exp(0.20 / 12 * 24);
        var sigma = 0.25 / Math.Sqrt(12);
        var standardError = exact * Math.Sqrt(Math.Exp(sigma * sigma * 24) - 1) / Math.Sqrt(Paths);
        Assert.InRange(result.MeanRevenueByMonthUsd[23], exact - (4 * standardError), exact + (4 * standardError));
    }

    [Fact]
    public void A_ceiling_far_above_any_path_changes_results_only_negligibly()
    {
        var book = SmallBooks.Rivals(months: 24, paths: 2000);
        var unbounded = StressEngine.Run(StressInput.Committed(book));
        var bounded = StressEngine.Run(StressInput.Committed(book with { Scenario = book.Scenario with { SectorCeiling = 1e6 } }));

        Assert.Equal(unbounded.Payoff.Total.MeanUsd, bounded.Payoff.Total.MeanUsd, Math.Abs(unbounded.Payoff.Total.MeanUsd) * 1e-4);
        Assert.Equal(unbounded.MeanRevenueUsd, bounded.MeanRevenueUsd, unbounded.MeanRevenueUsd * 1e-4);
    }

    [Fact]
    public void Without_noise_the_sector_follows_the_logistic_recursion_and_never_passes_its_ceiling()
    {
        // growth 60%/yr = 5%/month, no volatility, ceiling 1.5: log S_t = log S_{t-1} + 0.05 (1 - S_{t-1} / 1.5).
        var scenario = SmallBooks.BoomForever(0.60, 0, paths: 3) with { SectorCeiling = 1.5 };
        var book = SmallBooks.OneTenant(scenario, months: 60, mw: 100, price: 1000);

        var revenue = StressEngine.Run(StressInput.Unlimited(book)).MeanRevenueByMonthUsd;

        var logS = 0.0;
        for (var t = 1; t <= 60; t++)
        {
            logS += 0.05 * (1 - (Math.Exp(logS) / 1.5));
            Assert.Equal(100_000 * Math.Exp(logS), revenue[t - 1], 100_000 * Math.Exp(logS) * 1e-12);
            Assert.True(revenue[t - 1] < 150_000);
        }
        Assert.True(revenue[59] > 145_000); // and nears it (S_60 = 1.466)
    }

    [Fact]
    public void A_cooling_sector_is_not_slowed_by_the_ceiling()
    {
        var scenario = SmallBooks.BoomForever(0, 0, paths: 3) with
        {
            StartRegime = Regime.Cooling,
            CoolingToBoom = Rate.PerMonth(0),
            Cooling = new RegimeDynamics(Rate.PerYear(-0.12), Rate.Zero),
            SectorCeiling = 1,
        };
        var book = SmallBooks.OneTenant(scenario, months: 12, mw: 100, price: 1000);

        var revenue = StressEngine.Run(StressInput.Unlimited(book)).MeanRevenueByMonthUsd;

        Assert.Equal(100_000 * Math.Exp(-0.12), revenue[11], 1e-6);
    }

    [Fact]
    public void A_dated_stake_is_paid_in_its_month_and_grows_from_there()
    {
        // 1%/month growth, no noise, 24 months, 1%/month discount; stake bought in month 7 (2026-07), beta 2:
        // value at T = 10% of $1M times e^{2 * 0.01 * (24 - 7)}; paid $50K in month 7.
        var scenario = SmallBooks.BoomForever(0.12, 0, paths: 2) with { DiscountRate = Rate.PerMonth(0.01) };
        var stake = new Investment("stake", "lab", 50_000, 0.1, 1_000_000, 2, SmallBooks.Start.Plus(6));
        var book = SmallBooks.OneTenant(scenario, months: 24, mw: 100, price: 0, investments: [stake]);

        var result = StressEngine.Run(StressInput.Committed(book));

        var d = 1 / 1.01;
        var value = 100_000 * Math.Exp(2 * 0.01 * (24 - 7));
        Assert.Equal((Math.Pow(d, 24) * value) - (50_000 * Math.Pow(d, 7)), result.Payoff.Stakes.MeanUsd, 1e-6);
        Assert.Equal(value, Assert.Single(result.Stakes).MeanValueUsd, 1e-6);
        Assert.Equal(0, result.Payoff.Operating.MeanUsd);
    }

    [Fact]
    public void A_stake_dated_before_the_horizon_counts_at_its_start_and_one_after_it_not_at_all()
    {
        var scenario = SmallBooks.BoomForever(0.12, 0, paths: 2) with { DiscountRate = Rate.PerMonth(0.01) };
        var before = new Investment("before", "lab", 50_000, 0.1, 1_000_000, 1, SmallBooks.Start.Plus(-3));
        var after = new Investment("after", "lab", 70_000, 0.1, 1_000_000, 1, SmallBooks.Start.Plus(12));
        var book = SmallBooks.OneTenant(scenario, months: 12, mw: 100, price: 0, investments: [before, after]);

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.Equal((Math.Pow(1 / 1.01, 12) * 100_000 * Math.Exp(0.12)) - 50_000, result.Payoff.Stakes.MeanUsd, 1e-6);
        Assert.Equal("before", Assert.Single(result.Stakes).InvestmentId);
    }

    [Theory]
    [InlineData(1.0, 2.0)] // the cap binds on about a sixth of paths
    [InlineData(1.5, 1.3)] // beta above 1, the cap binds on most paths
    public void A_capped_stake_is_worth_the_lognormal_E_min_V_cap_and_binds_as_often_as_the_closed_form_says(double beta, double capMultiple)
    {
        // One quiet tenant, booming for ever (mu 20%/yr, sigma 40%/yr), no discount; stake bought in month 13 of 48:
        // log V ~ N(m, s^2) with m = ln val + beta (mu - sigma^2/2) n and s = beta sigma sqrt(n), n = 35 months.
        const double valuation = 1e9;
        var cap = valuation * capMultiple;
        var scenario = SmallBooks.BoomForever(0.20, 0.40, Paths);
        var stake = new Investment("stake", "lab", 0, 1, valuation, beta, SmallBooks.Start.Plus(12), cap);
        var book = SmallBooks.OneTenant(scenario, months: 48, mw: 100, price: 0, investments: [stake]);

        var result = StressEngine.Run(StressInput.Committed(book));

        var (mu, sigma, n) = (0.20 / 12, 0.40 / Math.Sqrt(12), 48 - 13);
        var m = Math.Log(valuation) + (beta * (mu - (sigma * sigma / 2)) * n);
        var s = beta * sigma * Math.Sqrt(n);
        var z = (Math.Log(cap) - m) / s;
        var mean = (Math.Exp(m + (s * s / 2)) * NormalDistribution.Cdf(z - s)) + (cap * (1 - NormalDistribution.Cdf(z)));
        var second = (Math.Exp((2 * m) + (2 * s * s)) * NormalDistribution.Cdf(z - (2 * s))) + (cap * cap * (1 - NormalDistribution.Cdf(z)));
        var standardError = Math.Sqrt((second - (mean * mean)) / Paths);
        Assert.InRange(result.Payoff.Stakes.MeanUsd, mean - (4 * standardError), mean + (4 * standardError));
        var binds = 1 - NormalDistribution.Cdf(z);
        var bindError = Math.Sqrt(binds * (1 - binds) / Paths);
        Assert.InRange(Assert.Single(result.Stakes).ProbabilityCapBinds, binds - (4 * bindError), binds + (4 * bindError));
        Assert.True(result.Payoff.Stakes.P99Usd <= cap);
    }

    [Fact]
    public void IT_equipment_is_bought_as_capacity_comes_online_and_again_at_every_refresh()
    {
        // 100 MW online from month 1 and 150 MW from month 13; IT $1000/MW refreshed every year; 30 months at
        // 1%/month: IT bought in months 1 (100 MW), 13 (100 + 50 MW) and 25 (100 + 50 MW). No revenue, no other cost.
        var scenario = SmallBooks.BoomForever(0, 0, paths: 2) with { DiscountRate = Rate.PerMonth(0.01) };
        var site = SmallBooks.Site("s1", 0, 0, new MwStep(SmallBooks.Start, 100), new MwStep(SmallBooks.Start.Plus(12), 150)) with
        {
            ItCapexPerMwUsd = 1000,
            ItRefreshYears = 1,
        };
        var book = SmallBooks.OneTenant(scenario, months: 30, mw: 100, price: 0, sites: [site]);

        var result = StressEngine.Run(StressInput.Committed(book));

        var d = 1 / 1.01;
        var expected = (100_000 * d) + (150_000 * Math.Pow(d, 13)) + (150_000 * Math.Pow(d, 25));
        // At the end of month 30 the IT bought in month 25 has served 6 of its 12 months: half of $150,000 is left.
        var residual = 75_000 * Math.Pow(d, 30);
        Assert.Equal(-expected + residual, result.Payoff.Operating.MeanUsd, 1e-6);
        Assert.Equal((0.0, 0.0), (result.Costs.FacilityCapexUsd, result.Costs.OpexUsd));
        Assert.Equal(expected, result.Costs.ItCapexUsd, 1e-6);
        Assert.Equal(residual, result.Costs.ResidualValueUsd, 1e-6);
        Assert.Equal(new[] { -100_000.0, -150_000, -150_000 }, result.CashFlow.Years.Select(y => y.Cash.MeanUsd));
    }

    [Fact]
    public void Facility_capex_is_bought_once_while_IT_comes_back_with_each_refresh()
    {
        // The same site with $1000/MW of facility capex and no IT: only months 1 and 13 pay. Over the default 20-year
        // (240-month) life, at the end of month 30 the first 100 MW have 210 of 240 months left ($87,500) and the
        // next 50 MW 222 of 240 ($46,250): a residual value of $133,750, undiscounted here.
        var scenario = SmallBooks.BoomForever(0, 0, paths: 2);
        var site = SmallBooks.Site("s1", 1000, 0, new MwStep(SmallBooks.Start, 100), new MwStep(SmallBooks.Start.Plus(12), 150));
        var book = SmallBooks.OneTenant(scenario, months: 30, mw: 100, price: 0, sites: [site]);

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.Equal(-150_000 + 133_750, result.Payoff.Operating.MeanUsd, 1e-6);
        Assert.Equal(new OperatingCosts(150_000, 0, 0, 133_750), result.Costs);
        Assert.Equal(-150_000, result.CashFlow.Years.Sum(y => y.Cash.MeanUsd), 1e-6);
    }

    [Fact]
    public void A_certain_one_site_book_is_worth_its_discounted_cash_plus_its_discounted_residual_value()
    {
        // 100 MW used for 24 months at $2,000/MW-month, 1%/month discount, no uncertainty. The site: 100 MW online from
        // month 1, facility $10,000/MW over a 5-year (60-month) life, IT $6,000/MW refreshed every 1.5 years (months 1
        // and 19), opex $100/MW-month. Cash: $190,000 a month, less $1.6M in month 1 and $600,000 in month 19.
        // Residual at the end of month 24: facility $1M x (1 - 24/60) = $600,000; IT bought in month 19 has served 6 of
        // its 18 months, $600,000 x 2/3 = $400,000; so $1M, discounted from month 24.
        var scenario = SmallBooks.BoomForever(0, 0, paths: 4) with { DiscountRate = Rate.PerMonth(0.01) };
        var site = SmallBooks.Site("s1", 10_000, 100, new MwStep(SmallBooks.Start, 100)) with
        {
            ItCapexPerMwUsd = 6_000,
            ItRefreshYears = 1.5,
            FacilityLifeYears = 5,
        };
        var book = SmallBooks.OneTenant(scenario, months: 24, mw: 100, price: 2_000, sites: [site]);

        var result = StressEngine.Run(StressInput.Committed(book));

        var d = 1 / 1.01;
        var annuity = (1 - Math.Pow(d, 24)) / 0.01; // sum of d^t, t = 1..24
        var npv = (190_000 * annuity) - (1_600_000 * d) - (600_000 * Math.Pow(d, 19)) + (1_000_000 * Math.Pow(d, 24));
        Assert.Equal(npv, result.Payoff.Operating.MeanUsd, 1e-4);
        Assert.Equal(npv, result.Payoff.Operating.P5Usd, 1e-4);
        Assert.Equal(0, result.Payoff.Operating.ProbabilityOfLoss);
        Assert.Equal(1_000_000 * Math.Pow(d, 24), result.Costs.ResidualValueUsd, 1e-6);
        // Residual value is not cash: the yearly cash is revenue less opex and capex only.
        Assert.Equal(new[] { (12 * 190_000.0) - 1_600_000, (12 * 190_000.0) - 600_000 }, result.CashFlow.Years.Select(y => y.Cash.MeanUsd));
    }
}
