using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>
/// IT bought with the contracts that use it (<c>it_purchase: with-contracts</c>) against IT bought with every online
/// MW: hand-computed purchases, refreshes and residual values on a 30-month horizon at 1%/month, IT $1000/MW
/// refreshed every year, no revenue and no other cost.
/// </summary>
public class ItPurchaseTests
{
    private static readonly double D = 1 / 1.01;

    private static Book OneSite(ItPurchase purchase, double onlineMw, params MwStep[] ramp)
    {
        var scenario = SmallBooks.BoomForever(0, 0, paths: 2) with { DiscountRate = Rate.PerMonth(0.01), ItPurchase = purchase };
        var site = SmallBooks.Site("s1", 0, 0, new MwStep(SmallBooks.Start, onlineMw)) with { ItCapexPerMwUsd = 1000, ItRefreshYears = 1 };
        var book = SmallBooks.OneTenant(scenario, months: 30, mw: 0, price: 0, sites: [site]);
        return book with { Contracts = book.Contracts.Select(c => c with { Ramp = ValueList.Of(ramp) }).ToValueList() };
    }

    [Fact]
    public void With_contracts_IT_follows_the_ramp_and_is_refreshed_only_for_what_contracts_then_use()
    {
        // 200 MW online; the contract uses 100 MW in months 1-12 and 150 MW from month 13. Bought: 100 MW in month 1;
        // in month 13 those 100 MW retire and 150 MW are needed: 150 MW; in month 25 those retire: 150 MW again.
        // At the end of month 30 the month-25 equipment has served 6 of its 12 months: $75,000 left.
        var book = OneSite(ItPurchase.WithContracts, 200, new MwStep(SmallBooks.Start, 100), new MwStep(SmallBooks.Start.Plus(12), 150));

        var result = StressEngine.Run(StressInput.Committed(book));

        var it = (100_000 * D) + (150_000 * Math.Pow(D, 13)) + (150_000 * Math.Pow(D, 25));
        Assert.Equal(it, result.Costs.ItCapexUsd, 1e-6);
        Assert.Equal(75_000 * Math.Pow(D, 30), result.Costs.ResidualValueUsd, 1e-6);
        Assert.Equal(-it + (75_000 * Math.Pow(D, 30)), result.Payoff.Operating.MeanUsd, 1e-6);
    }

    [Fact]
    public void With_contracts_IT_whose_contract_has_ended_is_not_bought_again()
    {
        // 100 MW online and used in months 1-12 only: bought once, retired in month 13 and not replaced; nothing left at the end.
        // With capacity, the same site buys 100 MW in months 1, 13 and 25 and keeps half of the last at the end.
        var contracts = OneSite(ItPurchase.WithContracts, 100, new MwStep(SmallBooks.Start, 100));
        contracts = contracts with { Contracts = contracts.Contracts.Select(c => c with { End = SmallBooks.Start.Plus(11) }).ToValueList() };
        var capacity = contracts with { Scenario = contracts.Scenario with { ItPurchase = ItPurchase.WithCapacity } };

        var withContracts = StressEngine.Run(StressInput.Committed(contracts));
        var withCapacity = StressEngine.Run(StressInput.Committed(capacity));

        Assert.Equal(100_000 * D, withContracts.Costs.ItCapexUsd, 1e-6);
        Assert.Equal(0, withContracts.Costs.ResidualValueUsd);
        Assert.Equal(100_000 * (D + Math.Pow(D, 13) + Math.Pow(D, 25)), withCapacity.Costs.ItCapexUsd, 1e-6);
        Assert.Equal(50_000 * Math.Pow(D, 30), withCapacity.Costs.ResidualValueUsd, 1e-6);
    }

    [Fact]
    public void With_contracts_that_use_every_online_MW_IT_is_bought_exactly_as_with_capacity()
    {
        var contracts = OneSite(ItPurchase.WithContracts, 150, new MwStep(SmallBooks.Start, 150));
        var capacity = contracts with { Scenario = contracts.Scenario with { ItPurchase = ItPurchase.WithCapacity } };

        var a = StressEngine.Run(StressInput.Committed(contracts));
        var b = StressEngine.Run(StressInput.Committed(capacity));

        Assert.Equal(b.Costs, a.Costs);
        Assert.Equal(b.Payoff.Operating.MeanUsd, a.Payoff.Operating.MeanUsd);
    }
}
