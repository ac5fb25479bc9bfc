using static Quartermaster.Planning.Tests.TestBooks;

namespace Quartermaster.Planning.Tests;

/// <summary>Bottlenecks and counterfactuals of small books worked out by hand.</summary>
public sealed class ShortfallExplanationTests
{
    private static Plan Explained(Book book, AllocationPolicy policy) =>
        ShortfallCounterfactuals.Explain(book, new FlowPlanner().Allocate(book, policy));

    [Fact]
    public void A_contract_alone_on_a_full_pool_needs_exactly_its_shortfall_there()
    {
        // east-only (100 MW) may use only a (50 MW); both is filled at b. +50 MW at a fills east-only, +49.9 does not.
        var book = Book(
            [Site("a", "east", 50), Site("b", "west", 100)],
            [Contract("east-only", "lab-1", 100, ["east"]), Contract("both", "lab-2", 100, ["east", "west"])]);

        var shortfall = Assert.Single(Explained(book, AllocationPolicy.MaxMin).Shortfalls);

        Assert.Equal(ShortfallReason.Capacity, shortfall.Reason);
        Assert.Equal([new ChipPoolRef("a", "gpu")], shortfall.SaturatedPools);
        Assert.Equal(new CapacityCounterfactual(new ChipPoolRef("a", "gpu"), 50, 0.1), shortfall.Counterfactual);
    }

    [Fact]
    public void A_counterfactual_counts_the_share_a_rival_in_the_tight_set_takes_of_the_added_capacity()
    {
        // a (east, 100 MW) and b (west, 100 MW); x (150 MW) may use a, y (150 MW) a and b: both at 200 / 300.
        // x at a: x and y rise together, (200 + add) / 300 reaches 1 at +100 MW. y at b: x stays at a's 100 / 150 and
        // y alone rises, so 100 + add >= 150 at +50 MW, less than the 100 MW y would need at a.
        var book = Book(
            [Site("a", "east", 100), Site("b", "west", 100)],
            [Contract("x", "lab-1", 150, ["east"]), Contract("y", "lab-2", 150, ["east", "west"])]);

        var shortfalls = Explained(book, AllocationPolicy.MaxMin).Shortfalls.ToDictionary(s => s.ContractId);

        Assert.Equal([new ChipPoolRef("a", "gpu")], shortfalls["x"].SaturatedPools);
        Assert.Equal([new ChipPoolRef("a", "gpu"), new ChipPoolRef("b", "gpu")], shortfalls["y"].SaturatedPools);
        Assert.Equal(new CapacityCounterfactual(new ChipPoolRef("a", "gpu"), 100, 0.1), shortfalls["x"].Counterfactual);
        Assert.Equal(new CapacityCounterfactual(new ChipPoolRef("b", "gpu"), 50, 0.1), shortfalls["y"].Counterfactual);
    }

    [Fact]
    public void Under_revenue_max_a_cheaper_contract_short_behind_a_dearer_one_is_short_by_tier()
    {
        // One 100 MW site; dear (80 MW at $200) fills first, cheap (80 MW at $100) gets the last 20 MW. Adding 60 MW
        // fills it: the dearer contract is already full.
        var book = Book([Site("a", "east", 100)],
            [Contract("dear", "lab-1", 80, ["east"], price: 200), Contract("cheap", "lab-2", 80, ["east"], price: 100)]);

        var shortfall = Assert.Single(Explained(book, AllocationPolicy.RevenueMax).Shortfalls);

        Assert.Equal("cheap", shortfall.ContractId);
        Assert.Equal(ShortfallReason.LowerTier, shortfall.Reason);
        Assert.Equal(new CapacityCounterfactual(new ChipPoolRef("a", "gpu"), 60, 0.01), shortfall.Counterfactual);
    }

    [Fact]
    public void A_contract_with_no_capacity_online_is_told_so_and_where_capacity_would_fill_it()
    {
        // west has a site with nothing online yet; 40 MW there fill the west contract.
        var book = Book([Site("a", "east", 100), Site("w", "west", 0)], [Contract("west", "lab-1", 40, ["west"]), Contract("east", "lab-2", 40, ["east"])]);

        var shortfall = Assert.Single(Explained(book, AllocationPolicy.MaxMin).Shortfalls);

        Assert.Equal(ShortfallReason.NoEligibleCapacity, shortfall.Reason);
        Assert.Empty(shortfall.SaturatedPools);
        Assert.Equal(new CapacityCounterfactual(new ChipPoolRef("w", "gpu"), 40, 0.01), shortfall.Counterfactual);
    }

    [Fact]
    public void The_planner_alone_leaves_counterfactuals_to_be_explained()
    {
        var book = Book([Site("a", "east", 50)], [Contract("c", "lab-1", 100, ["east"])]);

        Assert.Null(Assert.Single(new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin).Shortfalls).Counterfactual);
    }
}
