using static Quartermaster.Planning.Tests.TestBooks;

namespace Quartermaster.Planning.Tests;

/// <summary>Re-planning a changed book reuses the months whose inputs did not change, and gives the same plan as planning afresh.</summary>
public sealed class ReplanTests
{
    [Fact]
    public void Replanning_after_a_change_late_in_the_horizon_reuses_the_earlier_months_and_matches_a_fresh_plan()
    {
        var book = Book([Site("a", "east", 100), Site("b", "west", 60)],
            [Contract("c1", "lab-1", 90, ["east"]), Contract("c2", "lab-2", 90, ["east", "west"])], months: 6);
        var changed = book with
        {
            Contracts = book.Contracts.Select(c => c.Id != "c1" ? c
                : c with { Ramp = ValueList.Of(new MwStep(January, 90), new MwStep(January.Plus(4), 40)) }).ToValueList(),
        };
        var planner = new FlowPlanner();
        planner.Allocate(book, AllocationPolicy.MaxMin);

        var replanned = planner.Allocate(changed, AllocationPolicy.MaxMin);

        Assert.Equal(4, planner.MonthsReused);
        Assert.Equal(4, planner.MonthsReusedWhole);
        Assert.Equal(new FlowPlanner().Allocate(changed, AllocationPolicy.MaxMin), replanned);
    }

    [Fact]
    public void Replanning_reuses_rows_only_while_last_months_placement_is_unchanged()
    {
        // c1 shrinks in month 1 only; c2 can then move into the room, so months 2.. start from another placement
        // unless placement heals. Whatever is reused, the re-plan must equal a fresh plan.
        var book = Book([Site("a", "east", 100, opex: 10), Site("b", "east", 100, opex: 20)],
            [Contract("c1", "lab-1", 120, ["east"]), Contract("c2", "lab-2", 120, ["east"])], months: 4);
        var changed = book with
        {
            Contracts = book.Contracts.Select(c => c.Id != "c1" ? c
                : c with { Ramp = ValueList.Of(new MwStep(January, 120), new MwStep(January.Plus(1), 30), new MwStep(January.Plus(2), 120)) }).ToValueList(),
        };
        var planner = new FlowPlanner();
        planner.Allocate(book, AllocationPolicy.MaxMin);

        var replanned = planner.Allocate(changed, AllocationPolicy.MaxMin);

        Assert.Equal(3, planner.MonthsReused);
        Assert.Equal(new FlowPlanner().Allocate(changed, AllocationPolicy.MaxMin), replanned);
    }

    [Fact]
    public void Replanning_under_another_policy_reuses_nothing_when_the_policy_changes_the_problem()
    {
        var book = Book([Site("a", "east", 100)], [Contract("c1", "lab-1", 90, ["east"], weight: 2), Contract("c2", "lab-2", 90, ["east"])], months: 3);
        var planner = new FlowPlanner();
        planner.Allocate(book, AllocationPolicy.MaxMin);

        planner.Allocate(book, AllocationPolicy.Weighted);

        Assert.Equal(0, planner.MonthsReused);
    }
}
