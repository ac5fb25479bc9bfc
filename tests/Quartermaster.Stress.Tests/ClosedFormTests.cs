using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>
/// One tenant, one regime, no defaults, no drift: S_t is lognormal with E[S_t] = e^{mu t} and
/// Var[S_t] = e^{2 mu t}(e^{sigma^2 t} - 1), so the engine's monthly means can be checked exactly.
/// </summary>
public class ClosedFormTests
{
    private const double Price = 1000;
    private const double Base = 100;
    private const int Months = 24;
    private const int Paths = 20_000;
    private static readonly double Mu = 0.20 / 12;
    private static readonly double Sigma = 0.25 / Math.Sqrt(12);

    private static readonly Book Book = SmallBooks.OneTenant(SmallBooks.BoomForever(0.20, 0.25, Paths), months: Months, mw: Base, price: Price);

    [Fact]
    public void Mean_revenue_with_unlimited_capacity_is_price_times_base_times_e_to_the_mu_t()
    {
        var result = StressEngine.Run(StressInput.Unlimited(Book));

        for (var t = 1; t <= Months; t++)
        {
            var exact = Price * Base * Math.Exp(Mu * t);
            var standardError = exact * Math.Sqrt(Math.Exp(Sigma * Sigma * t) - 1) / Math.Sqrt(Paths);
            Assert.InRange(result.MeanRevenueByMonthUsd[t - 1], exact - (4 * standardError), exact + (4 * standardError));
        }
    }

    [Fact]
    public void A_sector_that_starts_cooling_and_never_recovers_follows_the_cooling_growth()
    {
        // Cooling at -15%/yr with 35%/yr volatility for ever: E[revenue_t] = price * base * e^{mu_cool t}.
        var muCooling = -0.15 / 12;
        var sigmaCooling = 0.35 / Math.Sqrt(12);
        var book = Book with { Scenario = Book.Scenario with { StartRegime = Regime.Cooling, CoolingToBoom = Rate.PerMonth(0) } };

        var result = StressEngine.Run(StressInput.Unlimited(book));

        for (var t = 1; t <= Months; t++)
        {
            var exact = Price * Base * Math.Exp(muCooling * t);
            var standardError = exact * Math.Sqrt(Math.Exp(sigmaCooling * sigmaCooling * t) - 1) / Math.Sqrt(Paths);
            Assert.InRange(result.MeanRevenueByMonthUsd[t - 1], exact - (4 * standardError), exact + (4 * standardError));
        }
        Assert.All(result.WinEitherWay, row => Assert.True(row.Cooled));
    }

    [Fact]
    public void Mean_revenue_under_a_capacity_cap_is_price_times_the_lognormal_E_min_D_c()
    {
        const double cap = 110;
        var result = StressEngine.Run(StressInput.FromRule(Book, (_, _) => cap));

        for (var t = 1; t <= Months; t++)
        {
            // log D ~ N(m, s^2) with m = log Base + (mu - sigma^2/2) t, s = sigma sqrt(t).
            var m = Math.Log(Base) + ((Mu - (Sigma * Sigma / 2)) * t);
            var s = Sigma * Math.Sqrt(t);
            var d = (Math.Log(cap) - m) / s;
            var mean = (Math.Exp(m + (s * s / 2)) * NormalDistribution.Cdf(d - s)) + (cap * (1 - NormalDistribution.Cdf(d)));
            var secondMoment = (Math.Exp((2 * m) + (2 * s * s)) * NormalDistribution.Cdf(d - (2 * s))) + (cap * cap * (1 - NormalDistribution.Cdf(d)));
            var standardError = Price * Math.Sqrt((secondMoment - (mean * mean)) / Paths);
            Assert.InRange(result.MeanRevenueByMonthUsd[t - 1], (Price * mean) - (4 * standardError), (Price * mean) + (4 * standardError));
            Assert.True(result.MeanUsedMwByMonth[t - 1] <= cap);
            Assert.True(result.UsedMw[t - 1].P95 <= cap * 1.016); // within one sketch bin of the cap
        }
    }

    [Fact]
    public void Median_of_the_revenue_fan_is_price_times_base_times_e_to_the_mu_minus_half_sigma_squared_t()
    {
        var result = StressEngine.Run(StressInput.Unlimited(Book));

        foreach (var t in new[] { 1, 12, 24 })
        {
            var median = Price * Base * Math.Exp((Mu - (Sigma * Sigma / 2)) * t);
            // Within a 1.6% sketch bin plus a generous sampling allowance for the median.
            Assert.InRange(result.Revenue[t - 1].P50, median * 0.97, median * 1.03);
            var band = result.Revenue[t - 1];
            Assert.True(band.P5 <= band.P25 && band.P25 <= band.P50 && band.P50 <= band.P75 && band.P75 <= band.P95);
        }
    }
}
