using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>The operating book and the stakes are separate lines whose sum is the total, path by path and in every table.</summary>
public class TwoLinesTests
{
    private static readonly Book Rivals = SmallBooks.Rivals(months: 24, paths: 2000);

    [Fact]
    public void Operating_plus_stakes_is_the_payoff_of_every_path()
    {
        var input = StressInput.Committed(Rivals);
        for (var path = 0; path < 50; path++)
        {
            var one = StressEngine.Path(input, path);
            Assert.Equal(one.OperatingUsd + one.StakesUsd, one.PayoffUsd);
        }
    }

    [Fact]
    public void A_book_without_stakes_has_a_zero_stakes_line_and_a_total_equal_to_its_operating_book()
    {
        var result = StressEngine.Run(StressInput.Committed(Rivals with { Investments = ValueList<Investment>.Empty }));

        Assert.Equal(result.Payoff.Operating, result.Payoff.Total);
        Assert.Equal(new PayoffSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), result.Payoff.Stakes);
        Assert.Empty(result.Stakes);
        Assert.All(result.WinEitherWay, r => Assert.Equal(r.Payoff.Operating, r.Payoff.Total));
    }

    [Fact]
    public void Each_line_of_the_win_either_way_table_pools_back_to_that_line_s_mean()
    {
        var result = StressEngine.Run(StressInput.Committed(Rivals));

        foreach (var line in PayoffLines<PayoffSummary>.All)
        {
            var mean = result.Payoff[line].MeanUsd;
            Assert.Equal(mean, result.WinEitherWay.Sum(r => r.ShareOfPaths * r.Payoff[line].MeanUsd), Math.Abs(mean) * 1e-9);
        }
        Assert.Equal(result.Payoff.Total.MeanUsd, result.Payoff.Operating.MeanUsd + result.Payoff.Stakes.MeanUsd, Math.Abs(result.Payoff.Total.MeanUsd) * 1e-12);
    }

    [Fact]
    public void Comparing_books_that_differ_only_in_price_moves_the_operating_line_and_leaves_the_stakes_exactly_alone()
    {
        var dearer = Rivals with { Contracts = Rivals.Contracts.Select(c => c with { PricePerMwMonthUsd = c.PricePerMwMonthUsd * 1.1 }).ToValueList() };

        var comparison = StressEngine.Compare(StressInput.Committed(Rivals), StressInput.Committed(dearer));

        Assert.Equal(new PairedDifference(0, 0, 0, 0, 0), comparison.Difference.Stakes);
        Assert.True(comparison.Difference.Operating.Ci95LowUsd > 0);
        Assert.Equal(comparison.Difference.Operating.MeanUsd, comparison.Difference.Total.MeanUsd, Math.Abs(comparison.Difference.Total.MeanUsd) * 1e-9);
        Assert.Equal(comparison.A.Payoff.Stakes, comparison.B.Payoff.Stakes);
    }

    [Fact]
    public void Comparing_books_that_differ_only_in_the_stake_leaves_the_operating_line_exactly_alone()
    {
        var bigger = Rivals with { Investments = Rivals.Investments.Select(i => i with { OwnershipFraction = i.OwnershipFraction * 2 }).ToValueList() };

        var comparison = StressEngine.Compare(StressInput.Committed(Rivals), StressInput.Committed(bigger));

        Assert.Equal(new PairedDifference(0, 0, 0, 0, 0), comparison.Difference.Operating);
        Assert.True(comparison.Difference.Stakes.MeanUsd > 0);
    }
}
