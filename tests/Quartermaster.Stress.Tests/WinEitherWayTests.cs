using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

public class WinEitherWayTests
{
    [Fact]
    public void Rows_partition_the_paths_by_leader_and_sector_state()
    {
        var result = StressEngine.Run(StressInput.Committed(SmallBooks.Rivals(months: 36, paths: 4000)));

        Assert.Equal(new[] { "frontier" }, result.RivalryGroups);
        Assert.Equal(4000, result.WinEitherWay.Sum(r => r.Paths));
        Assert.Equal(1, result.WinEitherWay.Sum(r => r.ShareOfPaths), 1e-12);
        var leaders = result.WinEitherWay.Select(r => r.Leaders.Single()).Distinct().Order();
        Assert.Equal(new[] { "alpha", "beta" }, leaders);
        Assert.Contains(result.WinEitherWay, r => r.Cooled);
        Assert.Contains(result.WinEitherWay, r => !r.Cooled);
        // Pooling the rows gives back the overall mean payoff.
        Assert.Equal(result.Payoff.Total.MeanUsd, result.WinEitherWay.Sum(r => r.ShareOfPaths * r.Payoff.Total.MeanUsd), Math.Abs(result.Payoff.Total.MeanUsd) * 1e-9);
    }

    [Fact]
    public void Equal_rivals_lead_equally_often_and_a_sector_that_cannot_switch_never_cools()
    {
        var book = SmallBooks.Rivals(months: 24, paths: 4000);
        var risk = SmallBooks.Quiet with { StrengthVolatility = 0.1 };
        book = book with
        {
            Scenario = book.Scenario with { BoomToCooling = Rate.PerMonth(0) },
            Tenants = book.Tenants.Select(t => t with { Risk = risk }).ToValueList(),
        };

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.All(result.WinEitherWay, r => Assert.False(r.Cooled));
        var alpha = result.WinEitherWay.Single(r => r.Leaders[0] == "alpha").ShareOfPaths;
        Assert.InRange(alpha, 0.5 - (4 * Math.Sqrt(0.25 / 4000)), 0.5 + (4 * Math.Sqrt(0.25 / 4000)));
    }

    [Fact]
    public void Strength_shares_without_noise_leave_each_rival_at_its_initial_demand()
    {
        // Initial shares 0.4 and 0.6 with no strength noise: w_t / w_0 = 1, so demand is the commitment.
        var book = SmallBooks.Rivals(months: 6, paths: 10);
        book = book with
        {
            Scenario = SmallBooks.BoomForever(0, 0, paths: 10),
            Tenants = book.Tenants.Select(t => t with { Risk = SmallBooks.Quiet with { InitialShareFraction = t.Risk.InitialShareFraction } }).ToValueList(),
        };

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.All(result.MeanUsedMwByMonth, u => Assert.Equal(7500, u, 1e-9));
        Assert.Equal(new[] { "beta" }, Assert.Single(result.WinEitherWay).Leaders); // the larger initial share leads for ever
    }
}
