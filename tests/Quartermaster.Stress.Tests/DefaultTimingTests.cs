using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>
/// A tenant defaults at the start of the first month whose cumulative hazard reaches its exponential clock, so it
/// still pays in month t with probability exp(-H(t)), H summing each month's hazard by the regime of that month. With
/// the whole commitment take-or-pay and no recovery, the mean revenue of month t is price * MW * exp(-H(t)).
/// </summary>
public class DefaultTimingTests
{
    private const int Months = 36;
    private const int Paths = 20_000;
    private const double Mw = 100;
    private const double Price = 1000;

    [Theory]
    [InlineData(Regime.Boom, 0.0, 0.03, 0.2)] // booms for ever: monthly probability 3% every month
    [InlineData(Regime.Cooling, 0.0, 0.03, 0.05)] // cools for ever: 5% every month
    [InlineData(Regime.Boom, 1.0, 0.2, 0.04)] // month 1 booms (20%), then a certain switch to cooling for ever (4%)
    public void Mean_revenue_of_each_month_is_what_the_default_hazard_leaves_alive(Regime start, double switchProbability, double boomProbability, double coolingProbability)
    {
        var scenario = SmallBooks.BoomForever(0, 0, Paths) with
        {
            StartRegime = start,
            BoomToCooling = Rate.PerMonth(switchProbability),
            CoolingToBoom = Rate.PerMonth(0),
            Cooling = new RegimeDynamics(Rate.Zero, Rate.Zero),
        };
        var risk = SmallBooks.Quiet with
        {
            DefaultHazardBoom = Rate.PerMonth(boomProbability),
            DefaultHazardCooling = Rate.PerMonth(coolingProbability),
            RecoveryFraction = 0,
        };
        var book = SmallBooks.OneTenant(scenario, months: Months, mw: Mw, price: Price, takeOrPay: 1, risk: risk);

        var result = StressEngine.Run(StressInput.Committed(book));

        var alive = 1.0;
        for (var t = 1; t <= Months; t++)
        {
            var booming = start == Regime.Boom && (switchProbability == 0 || t == 1);
            alive *= 1 - (booming ? boomProbability : coolingProbability);
            var standardError = Price * Mw * Math.Sqrt(alive * (1 - alive) / Paths);
            Assert.InRange(result.MeanRevenueByMonthUsd[t - 1], (Price * Mw * alive) - (4.5 * standardError), (Price * Mw * alive) + (4.5 * standardError));
        }
    }
}
