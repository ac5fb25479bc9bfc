using static Quartermaster.Planning.Tests.TestBooks;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// Dedicated-hall isolation: placed exactly, hall by hall, when it leaves the fair shares unchanged; planned to the
/// max-min under isolation when it changes them. Run against both planners: one sealed subclass per planner.
/// </summary>
public abstract class HallIsolationTests
{
    protected abstract IPlanner Planner { get; }

    [Fact]
    public void A_dedicated_hall_contract_and_its_rival_get_separate_halls()
    {
        // One site, 100 MW in 2 halls of 50: the isolated lab and its rival each fill one hall.
        var book = Book([Site("a", "east", 100, halls: 2)],
            [Contract("isolated", "lab-1", 50, ["east"], isolation: Isolation.DedicatedHall), Contract("rival", "lab-2", 50, ["east"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(1, FillOf(plan, "isolated"), 6);
        Assert.Equal(1, FillOf(plan, "rival"), 6);
        var isolatedHalls = plan.HallAllocations.Where(h => h.ContractId == "isolated").Select(h => h.Hall).ToHashSet();
        var rivalHalls = plan.HallAllocations.Where(h => h.ContractId == "rival").Select(h => h.Hall).ToHashSet();
        Assert.Single(isolatedHalls);
        Assert.Single(rivalHalls);
        Assert.Empty(isolatedHalls.Intersect(rivalHalls));
    }

    [Fact]
    public void A_tenant_outside_the_rivalry_group_may_share_the_dedicated_hall()
    {
        // Halls of 50: isolated 30 and rival 10 cannot share; the outsider's 60 fills the rest of both halls.
        var book = Book([Site("a", "east", 100, halls: 2)],
            [Contract("isolated", "lab-1", 30, ["east"], isolation: Isolation.DedicatedHall), Contract("rival", "lab-2", 10, ["east"]), Contract("outsider", "cloud-3", 60, ["east"])],
            tenants: [Tenant("lab-1", "labs"), Tenant("lab-2", "labs"), Tenant("cloud-3")]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.All(plan.Fills, f => Assert.Equal(1, f.FillRatio, 6));
        var hallOf = plan.HallAllocations.Where(h => h.ContractId != "outsider").ToDictionary(h => h.ContractId, h => h.Hall);
        Assert.NotEqual(hallOf["isolated"], hallOf["rival"]);
        Assert.Equal(2, plan.HallAllocations.Where(h => h.ContractId == "outsider").Select(h => h.Hall).Distinct().Count());
    }

    [Fact]
    public void Isolation_that_changes_the_fair_shares_is_planned_to_the_max_min_under_isolation()
    {
        // Halls of 50: without isolation both fit (90 of 100 MW). With it, the isolated 30 MW takes a hall alone
        // (20 MW of it stay idle: the rival may not enter), leaving the rival the other hall: 50 of 60 MW, fill 5/6.
        var book = Book([Site("a", "east", 100, halls: 2)],
            [Contract("isolated", "lab-1", 30, ["east"], isolation: Isolation.DedicatedHall), Contract("rival", "lab-2", 60, ["east"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(1, FillOf(plan, "isolated"), 6);
        Assert.Equal(5.0 / 6, FillOf(plan, "rival"), 6);
        var isolatedHalls = plan.HallAllocations.Where(h => h.ContractId == "isolated").Select(h => h.Hall).ToHashSet();
        var rivalHalls = plan.HallAllocations.Where(h => h.ContractId == "rival").Select(h => h.Hall).ToHashSet();
        Assert.Single(isolatedHalls);
        Assert.Empty(isolatedHalls.Intersect(rivalHalls));
    }

    [Fact]
    public void Shares_that_divide_into_halls_keep_the_placement_without_isolation_including_the_cheaper_site()
    {
        // Both fit at the cheap site (4 halls of 25): the isolated 50 MW in two halls, the rival's 40 in the other two.
        // The costly site stays empty, as it does without isolation: the hall split keeps the flow placement's choice.
        var book = Book([Site("cheap", "east", 100, halls: 4, opex: 5), Site("costly", "east", 100, halls: 4, opex: 50)],
            [Contract("isolated", "lab-1", 50, ["east"], isolation: Isolation.DedicatedHall), Contract("rival", "lab-2", 40, ["east"])]);
        var shared = Planner.Allocate(book with { Contracts = book.Contracts.Select(c => c with { Isolation = Isolation.Shared }).ToValueList() }, AllocationPolicy.MaxMin);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(shared.Allocations, plan.Allocations);
        Assert.All(plan.Allocations, a => Assert.Equal("cheap", a.SiteId));
        var isolatedHalls = plan.HallAllocations.Where(h => h.ContractId == "isolated").Select(h => h.Hall).ToHashSet();
        var rivalHalls = plan.HallAllocations.Where(h => h.ContractId == "rival").Select(h => h.Hall).ToHashSet();
        Assert.Equal(2, isolatedHalls.Count);
        Assert.Empty(isolatedHalls.Intersect(rivalHalls));
        Assert.Equal(50, plan.HallAllocations.Where(h => h.ContractId == "isolated").Sum(h => h.Mw), 9);
    }

    [Fact]
    public void A_dedicated_hall_contract_without_a_rival_is_planned_without_halls()
    {
        var book = Book([Site("a", "east", 100, halls: 2)],
            [Contract("isolated", "lab-1", 30, ["east"], isolation: Isolation.DedicatedHall), Contract("other", "lab-2", 60, ["east"])],
            tenants: [Tenant("lab-1", "labs"), Tenant("lab-2")]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.All(plan.Fills, f => Assert.Equal(1, f.FillRatio, 6));
        Assert.Empty(plan.HallAllocations);
    }
}

public sealed class FlowPlannerHallIsolationTests : HallIsolationTests
{
    protected override IPlanner Planner { get; } = new FlowPlanner();
}

public sealed class LpReferencePlannerHallIsolationTests : HallIsolationTests
{
    protected override IPlanner Planner { get; } = new LpReferencePlanner();
}
