using static Quartermaster.Planning.Tests.TestBooks;

namespace Quartermaster.Planning.Tests;

/// <summary>Dedicated-hall isolation is not supported yet: a book where it could bind is refused, never planned as if shared.</summary>
public sealed class HallIsolationTests
{
    [Fact]
    public void A_dedicated_hall_contract_with_a_rival_is_refused_with_a_message_naming_both()
    {
        var book = Book([Site("a", "east", 100)],
            [Contract("isolated", "lab-1", 50, ["east"], isolation: Isolation.DedicatedHall), Contract("other", "lab-2", 50, ["east"])]);

        var error = Assert.Throws<PlanningException>(() => new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin));

        Assert.Contains("isolated", error.Message);
        Assert.Contains("lab-2", error.Message);
        Assert.Throws<PlanningException>(() => new LpReferencePlanner().Allocate(book, AllocationPolicy.MaxMin));
    }

    [Fact]
    public void A_dedicated_hall_contract_without_a_rival_is_planned()
    {
        var book = Book([Site("a", "east", 100)],
            [Contract("isolated", "lab-1", 50, ["east"], isolation: Isolation.DedicatedHall), Contract("other", "lab-2", 50, ["east"])],
            tenants: [Tenant("lab-1", "labs"), Tenant("lab-2")]);

        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(1, FillOf(plan, "isolated"), 9);
    }
}
