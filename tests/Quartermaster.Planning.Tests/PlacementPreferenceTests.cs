using CsCheck;
using static Quartermaster.Planning.Tests.TestBooks;

namespace Quartermaster.Planning.Tests;

/// <summary>Among placements with the same fill ratios, the production planner keeps contracts where they were, then prefers lower opex.</summary>
public sealed class PlacementPreferenceTests
{
    [Fact]
    public void Capacity_goes_to_the_site_with_the_lower_opex_first()
    {
        var book = Book([Site("dear", "east", 100, opex: 30), Site("cheap", "east", 100, opex: 10)], [Contract("c", "lab-1", 150, ["east"])]);

        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(100, plan.SiteMw("c", "cheap", January), 9);
        Assert.Equal(50, plan.SiteMw("c", "dear", January), 9);
    }

    [Fact]
    public void A_contract_stays_at_last_months_site_when_a_cheaper_one_comes_online()
    {
        // Month 0: only the dear site is online. Month 1: the cheap one opens, but moving costs more than opex saves.
        var book = Book(
            [Site("dear", "east", ValueList.Of(new MwStep(January, 100)), opex: 30),
             Site("cheap", "east", ValueList.Of(new MwStep(January, 0), new MwStep(January.Plus(1), 100)), opex: 10)],
            [Contract("c", "lab-1", 80, ["east"])],
            months: 2);

        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(80, plan.SiteMw("c", "dear", January), 9);
        Assert.Equal(80, plan.SiteMw("c", "dear", January.Plus(1)), 9);
        Assert.Equal(0, plan.SiteMw("c", "cheap", January.Plus(1)));
    }

    [Fact]
    public void A_contract_that_grows_keeps_its_old_site_and_puts_the_growth_on_the_cheapest_room()
    {
        var book = Book(
            [Site("dear", "east", ValueList.Of(new MwStep(January, 100)), opex: 30),
             Site("mid", "east", ValueList.Of(new MwStep(January, 0), new MwStep(January.Plus(1), 100)), opex: 20),
             Site("cheap", "east", ValueList.Of(new MwStep(January, 0), new MwStep(January.Plus(1), 100)), opex: 10)],
            [Contract("c", "lab-1", 80, ["east"]) with { Ramp = ValueList.Of(new MwStep(January, 80), new MwStep(January.Plus(1), 150)) }],
            months: 2);

        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(80, plan.SiteMw("c", "dear", January.Plus(1)), 9);
        Assert.Equal(70, plan.SiteMw("c", "cheap", January.Plus(1)), 9);
        Assert.Equal(0, plan.SiteMw("c", "mid", January.Plus(1)));
    }
}

/// <summary>Placement preferences over generated books.</summary>
public sealed class PlacementPreferencePropertyTests
{
    [Fact]
    public void When_nothing_changes_from_one_month_to_the_next_no_contract_moves()
    {
        Gen.Select(BookGen.Books, Gen.Int[0, 4]).Sample((book, policyIndex) =>
        {
            var policy = Enum.GetValues<AllocationPolicy>()[policyIndex];
            var steady = book with
            {
                Horizon = new Horizon(TestBooks.January, TestBooks.January.Plus(2)),
                Sites = book.Sites.Select(s => s with { Online = ValueList.Of(s.Online[0]) }).ToValueList(),
                Contracts = book.Contracts.Select(c => c with { End = TestBooks.January.Plus(2), Ramp = ValueList.Of(c.Ramp[0]) }).ToValueList(),
            };

            var plan = new FlowPlanner().Allocate(steady, policy);

            var first = plan.Allocations.Where(a => a.Month == TestBooks.January).ToList();
            foreach (var later in new[] { TestBooks.January.Plus(1), TestBooks.January.Plus(2) })
            {
                var rows = plan.Allocations.Where(a => a.Month == later).ToList();
                Assert.Equal(first.Select(a => (a.ContractId, a.SiteId, a.Chip)), rows.Select(a => (a.ContractId, a.SiteId, a.Chip)));
                Assert.All(first.Zip(rows), pair => Assert.Equal(pair.First.Mw, pair.Second.Mw, 9));
            }
        }, iter: 300);
    }
}
