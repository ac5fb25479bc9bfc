using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

public class CompareTests
{
    private static readonly Book Rivals = SmallBooks.Rivals(months: 24, paths: 2000);

    [Fact]
    public void A_book_compared_with_itself_differs_by_exactly_zero_on_every_path()
    {
        var comparison = StressEngine.Compare(StressInput.Committed(Rivals), StressInput.Committed(Rivals));

        Assert.Equal(0, comparison.Difference.Total.MeanUsd);
        Assert.Equal(0, comparison.Difference.Total.StandardErrorUsd);
        Assert.Equal(0, comparison.Difference.Total.ProbabilityBBetter);
        Assert.Equal(comparison.A, comparison.B);
    }

    [Fact]
    public void Draws_follow_tenant_ids_so_adding_a_tenant_who_pays_nothing_changes_no_path()
    {
        // The new tenant comes first, shifting every tenant index, yet the others' futures must not move.
        // (Its contract comes last so the sums over contracts add the same numbers in the same order.)
        var idle = SmallBooks.Tenant("delta", SmallBooks.Quiet);
        var withDelta = Rivals with
        {
            Tenants = new[] { idle }.Concat(Rivals.Tenants).ToValueList(),
            Contracts = Rivals.Contracts.Append(SmallBooks.Contract("delta-1", "delta", 24, 0, 0)).ToValueList(),
        };

        var comparison = StressEngine.Compare(StressInput.Committed(Rivals), StressInput.Committed(withDelta));

        Assert.Equal(0, comparison.Difference.Total.MeanUsd);
        Assert.Equal(0, comparison.Difference.Total.ProbabilityBBetter);
        Assert.Equal(comparison.A.Payoff, comparison.B.Payoff);
    }

    [Fact]
    public void A_higher_price_is_better_on_every_path_with_revenue()
    {
        var dearer = Rivals with { Contracts = Rivals.Contracts.Select(c => c with { PricePerMwMonthUsd = c.PricePerMwMonthUsd * 1.1 }).ToValueList() };

        var comparison = StressEngine.Compare(StressInput.Committed(Rivals), StressInput.Committed(dearer));

        // B - A is 10% of A's discounted revenue, path by path; its mean is that of A.
        Assert.True(comparison.Difference.Total.Ci95LowUsd > 0);
        Assert.True(comparison.Difference.Total.ProbabilityBBetter > 0.99);
        Assert.InRange(comparison.Difference.Total.MeanUsd, comparison.Difference.Total.Ci95LowUsd, comparison.Difference.Total.Ci95HighUsd);
    }
}
