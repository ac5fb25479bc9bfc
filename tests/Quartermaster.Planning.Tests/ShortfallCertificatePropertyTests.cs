using CsCheck;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// The bottleneck and counterfactual of every shortfall are a certificate, checked over generated books
/// (<see cref="BookGen"/>): the bottleneck's pools are full, and the counterfactual MW at its pool fill the contract.
/// </summary>
public sealed class ShortfallCertificatePropertyTests
{
    private static readonly AllocationPolicy[] Policies = Enum.GetValues<AllocationPolicy>();

    [Fact]
    public void Every_bottleneck_pool_is_full_and_every_counterfactual_fills_its_contract_when_the_month_is_replanned() =>
        BookGen.Books.Sample(Check, iter: 300);

    [Fact]
    public void The_certificate_holds_on_more_crowded_months_and_with_dedicated_halls()
    {
        BookGen.LargerBooks.Sample(Check, iter: 40);
        BookGen.IsolatedBooks.Sample(Check, iter: 100);
    }

    private static void Check(Book book)
    {
        var isolated = book.Contracts.Any(c => c.Isolation == Isolation.DedicatedHall);
        foreach (var policy in Policies)
        {
            var plan = ShortfallCounterfactuals.Explain(book, new FlowPlanner().Allocate(book, policy));
            foreach (var shortfall in plan.Shortfalls)
            {
                foreach (var pool in shortfall.SaturatedPools)
                {
                    var capacity = book.Sites.Single(s => s.Id == pool.SiteId).ChipPoolMw(pool.Chip, shortfall.Month);
                    var used = plan.Allocations.Where(a => a.Month == shortfall.Month && a.SiteId == pool.SiteId && a.Chip == pool.Chip).Sum(a => a.Mw);
                    Assert.True(capacity > 0 && used >= capacity * (1 - 1e-9), $"{pool} in {shortfall.Month} under {policy} is not full: {used} of {capacity} MW");
                }
                // Under pro-rata a component held by pools elsewhere may need them grown instead; months with dedicated
                // halls get no counterfactual (their fair shares come from the hall-by-hall stage).
                if (policy != AllocationPolicy.ProRata && !isolated && shortfall.Reason is ShortfallReason.Capacity or ShortfallReason.LowerTier)
                {
                    Assert.NotNull(shortfall.Counterfactual);
                }
                if (shortfall.Counterfactual is not { } counterfactual)
                {
                    continue;
                }
                Assert.True(counterfactual.AddMw > 0);
                var filled = FillWithAdded(book, policy, shortfall, counterfactual.Pool, counterfactual.AddMw);
                Assert.True(filled >= 1 - 1e-9, $"+{counterfactual.AddMw} MW at {counterfactual.Pool} leaves {shortfall.ContractId} at {filled} in {shortfall.Month} under {policy}");
                var less = FillWithAdded(book, policy, shortfall, counterfactual.Pool, counterfactual.AddMw - counterfactual.PrecisionMw);
                Assert.True(less < 1 - 1e-10, $"+{counterfactual.AddMw - counterfactual.PrecisionMw} MW at {counterfactual.Pool} already fills {shortfall.ContractId} in {shortfall.Month} under {policy}");
            }
        }
    }

    /// <summary>
    /// The fill of the shortfall's contract when its month alone is re-planned by the production planner with
    /// <paramref name="addMw"/> more MW in <paramref name="pool"/> (the site grows by that much, its other pools keep their MW).
    /// </summary>
    private static double FillWithAdded(Book book, AllocationPolicy policy, Shortfall shortfall, ChipPoolRef pool, double addMw)
    {
        var month = shortfall.Month;
        var sites = book.Sites.Select(site =>
        {
            if (site.Id != pool.SiteId)
            {
                return site;
            }
            var online = site.OnlineMw(month);
            var grown = online + addMw;
            return site with
            {
                Online = ValueList.Of(new MwStep(book.Horizon.Start, grown)),
                ChipPools = site.ChipPools.Select(p => p with
                {
                    ShareFraction = grown <= 0 ? p.ShareFraction : Math.Min(1, ((p.ShareFraction * online) + (p.Chip == pool.Chip ? addMw : 0)) / grown),
                }).ToValueList(),
            };
        });
        var monthBook = book with { Horizon = new Horizon(month, month), Sites = sites.ToValueList() };
        return new FlowPlanner().Allocate(monthBook, policy).Fill(shortfall.ContractId, month).FillRatio;
    }
}
