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
