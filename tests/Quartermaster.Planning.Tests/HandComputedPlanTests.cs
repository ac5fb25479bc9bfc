using static Quartermaster.Planning.Tests.TestBooks;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// Small books whose plans are worked out by hand, run against both planners: one sealed subclass per planner.
/// </summary>
public abstract class HandComputedPlanTests
{
    private const double Tolerance = 1e-6;

    protected abstract IPlanner Planner { get; }

    [Fact]
    public void Two_contracts_sharing_one_site_in_shortage_get_equal_fill_ratios()
    {
        // 100 MW for 100 + 60 MW committed: both at 100/160 = 0.625, so 62.5 and 37.5 MW.
        var book = Book([Site("a", "east", 100)], [Contract("big", "lab-1", 100, ["east"]), Contract("small", "lab-2", 60, ["east"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(0.625, FillOf(plan, "big"), Tolerance);
        Assert.Equal(0.625, FillOf(plan, "small"), Tolerance);
        Assert.Equal(62.5, plan.SiteMw("big", "a", January), Tolerance);
        Assert.Equal(37.5, plan.SiteMw("small", "a", January), Tolerance);
        Assert.Equal(0, plan.Idle.Single().IdleMw, Tolerance);
    }

    [Fact]
    public void A_contract_that_alone_can_use_a_second_site_gets_more()
    {
        // east-only is bound by site a (50 MW): fill 0.5. both may also use b (100 MW), alone, so it reaches fill 1 there.
        var book = Book(
            [Site("a", "east", 50), Site("b", "west", 100)],
            [Contract("east-only", "lab-1", 100, ["east"]), Contract("both", "lab-2", 100, ["east", "west"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(0.5, FillOf(plan, "east-only"), Tolerance);
        Assert.Equal(1.0, FillOf(plan, "both"), Tolerance);
        Assert.Equal(50, plan.SiteMw("east-only", "a", January), Tolerance);
        Assert.Equal(100, plan.SiteMw("both", "b", January), Tolerance);
    }

    [Fact]
    public void Contracts_freeze_level_by_level_at_their_bottlenecks()
    {
        // Regions r1 (50 MW), r2 (60 MW), r3 (100 MW). c1: r1; c2: r1+r2; c3: r2+r3; 100 MW each.
        // Level 1: {c1} is tight at 50/100 = 0.5 (the other sets allow more). Level 2: with c1 holding r1,
        // {c2} is tight at 60/100 = 0.6. Level 3: c3 has r3 to itself and reaches fill 1.
        var book = Book(
            [Site("s1", "r1", 50), Site("s2", "r2", 60), Site("s3", "r3", 100)],
            [Contract("c1", "lab-1", 100, ["r1"]), Contract("c2", "lab-2", 100, ["r1", "r2"]), Contract("c3", "lab-3", 100, ["r2", "r3"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(0.5, FillOf(plan, "c1"), Tolerance);
        Assert.Equal(0.6, FillOf(plan, "c2"), Tolerance);
        Assert.Equal(1.0, FillOf(plan, "c3"), Tolerance);
        Assert.Equal(60, plan.SiteMw("c2", "s2", January), Tolerance);
        Assert.Equal(100, plan.SiteMw("c3", "s3", January), Tolerance);
    }

    [Fact]
    public void Pro_rata_gives_one_fill_ratio_to_contracts_linked_by_shared_capacity_even_if_capacity_idles()
    {
        // Same book as the max-min case above: linked through site a, both get 50/100 = 0.5; 50 MW of b idles.
        var book = Book(
            [Site("a", "east", 50), Site("b", "west", 100)],
            [Contract("east-only", "lab-1", 100, ["east"]), Contract("both", "lab-2", 100, ["east", "west"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.ProRata);

        Assert.Equal(0.5, FillOf(plan, "east-only"), Tolerance);
        Assert.Equal(0.5, FillOf(plan, "both"), Tolerance);
        Assert.Equal(50, plan.Idle.Sum(i => i.IdleMw), Tolerance);
    }

    [Fact]
    public void Pro_rata_lets_contracts_with_no_shared_capacity_fill_separately()
    {
        var book = Book(
            [Site("a", "east", 50), Site("b", "west", 100)],
            [Contract("east", "lab-1", 100, ["east"]), Contract("west", "lab-2", 200, ["west"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.ProRata);

        Assert.Equal(0.5, FillOf(plan, "east"), Tolerance);
        Assert.Equal(0.5, FillOf(plan, "west"), Tolerance);
        Assert.Equal(100, plan.SiteMw("west", "b", January), Tolerance);
    }

    [Fact]
    public void Weighted_shares_so_fill_over_weight_is_equal()
    {
        // 90 MW; weights 2 and 1, 100 MW each: fills 2t and t with 200t + 100t = 90, t = 0.3.
        var book = Book([Site("a", "east", 90)], [Contract("heavy", "lab-1", 100, ["east"], weight: 2), Contract("light", "lab-2", 100, ["east"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.Weighted);

        Assert.Equal(0.6, FillOf(plan, "heavy"), Tolerance);
        Assert.Equal(0.3, FillOf(plan, "light"), Tolerance);
    }

    [Fact]
    public void Weighted_caps_a_heavy_contract_at_fill_one_and_gives_the_rest_to_the_others()
    {
        // 180 MW: heavy reaches fill 1 at t = 0.5 (light at 0.5 then, 150 MW in all); light then takes the other 80 MW.
        var book = Book([Site("a", "east", 180)], [Contract("heavy", "lab-1", 100, ["east"], weight: 2), Contract("light", "lab-2", 100, ["east"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.Weighted);

        Assert.Equal(1.0, FillOf(plan, "heavy"), Tolerance);
        Assert.Equal(0.8, FillOf(plan, "light"), Tolerance);
    }

    [Fact]
    public void Revenue_max_serves_the_higher_price_first()
    {
        var book = Book([Site("a", "east", 100)], [Contract("dear", "lab-1", 80, ["east"], price: 200), Contract("cheap", "lab-2", 80, ["east"], price: 100)]);

        var plan = Planner.Allocate(book, AllocationPolicy.RevenueMax);

        Assert.Equal(80, plan.SiteMw("dear", "a", January), Tolerance);
        Assert.Equal(20, plan.SiteMw("cheap", "a", January), Tolerance);
        Assert.Equal((80 * 200) + (20 * 100), plan.RevenueUsd(book), 1e-3);
    }

    [Fact]
    public void Favour_stakes_serves_the_tenant_the_provider_owns_a_stake_in_first()
    {
        var book = Book([Site("a", "east", 100)], [Contract("owned", "lab-1", 80, ["east"]), Contract("rival", "lab-2", 80, ["east"])],
            investments: [Stake("lab-1")]);

        var favoured = Planner.Allocate(book, AllocationPolicy.FavourStakes);
        var neutral = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(80, favoured.SiteMw("owned", "a", January), Tolerance);
        Assert.Equal(20, favoured.SiteMw("rival", "a", January), Tolerance);
        Assert.Equal(50, neutral.SiteMw("owned", "a", January), Tolerance);
        Assert.Equal(50, neutral.SiteMw("rival", "a", January), Tolerance);
    }

    [Fact]
    public void Shortfall_reasons_name_the_saturated_pools_that_bound_the_contract()
    {
        // east-only is bound by the gb300 pool of site a; the tpu pool of a is not eligible for it.
        var book = Book(
            [Site("a", "east", 100, 10, ("gb300", 0.5), ("tpu", 0.5)), Site("b", "west", 100, 10, ("gb300", 1.0))],
            [Contract("east-only", "lab-1", 100, ["east"], ["gb300"]), Contract("both", "lab-2", 100, ["east", "west"], ["gb300"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        var shortfall = Assert.Single(plan.Shortfalls);
        Assert.Equal("east-only", shortfall.ContractId);
        Assert.Equal(50, shortfall.ShortMw, Tolerance);
        Assert.Equal([new ChipPoolRef("a", "gb300")], shortfall.SaturatedPools);
        Assert.Equal(["a"], shortfall.SaturatedSites);
    }

    [Fact]
    public void Under_pro_rata_a_shortfall_names_the_min_cut_through_the_contracts_sharing_its_pools()
    {
        // One component at the common ratio 100 / 300 fills both pools of a. any has MW in both (16.7 MW each beside
        // gpu's and tpu-only's 33.3), so from every contract the residual network reaches both full pools and no room:
        // the cut is both pools, for all three.
        var book = Book(
            [Site("a", "east", 100, 10, ("gb300", 0.5), ("tpu", 0.5))],
            [Contract("gpu", "lab-1", 100, ["east"], ["gb300"]), Contract("any", "lab-2", 100, ["east"], ["gb300", "tpu"]), Contract("tpu-only", "lab-3", 100, ["east"], ["tpu"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.ProRata);

        Assert.All(plan.Fills, f => Assert.Equal(1.0 / 3, f.FillRatio, Tolerance));
        Assert.All(plan.Shortfalls, s => Assert.Equal([new ChipPoolRef("a", "gb300"), new ChipPoolRef("a", "tpu")], s.SaturatedPools));
        Assert.All(plan.Shortfalls, s => Assert.Equal(ShortfallReason.Capacity, s.Reason));
    }

    [Fact]
    public void Under_pro_rata_a_contract_held_to_its_components_ratio_names_the_components_full_pools()
    {
        // west-gpu's own pool (b/gb300, 100 MW) has room, but bridge links it to big, which a/tpu (50 MW) holds to
        // 50 / 1000: the component's common ratio is at most 0.05 (bridge may use b too, so a/tpu alone binds it).
        var book = Book(
            [Site("a", "east", 100, 10, ("gb300", 0.5), ("tpu", 0.5)), Site("b", "west", 100, 10, ("gb300", 1.0))],
            [Contract("west-gpu", "lab-1", 100, ["west"], ["gb300"]), Contract("bridge", "lab-2", 100, ["east", "west"], ["gb300", "tpu"]), Contract("big", "lab-3", 1000, ["east"], ["tpu"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.ProRata);

        Assert.Equal(0.05, FillOf(plan, "west-gpu"), Tolerance);
        var westGpu = plan.Shortfalls.Single(s => s.ContractId == "west-gpu");
        Assert.Equal([new ChipPoolRef("a", "tpu")], westGpu.SaturatedPools);
        Assert.Equal(ShortfallReason.CommonRatio, westGpu.Reason);
    }

    [Fact]
    public void A_contract_with_no_eligible_capacity_gets_nothing_and_an_empty_reason()
    {
        var book = Book([Site("a", "east", 100)], [Contract("west", "lab-1", 40, ["west"]), Contract("east", "lab-2", 40, ["east"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(0, FillOf(plan, "west"));
        Assert.Equal(1, FillOf(plan, "east"), Tolerance);
        var shortfall = Assert.Single(plan.Shortfalls);
        Assert.Empty(shortfall.SaturatedPools);
        Assert.Equal(ShortfallReason.NoEligibleCapacity, shortfall.Reason);
    }

    [Fact]
    public void A_contract_with_nothing_committed_has_fill_one()
    {
        var book = Book([Site("a", "east", 100)], [Contract("idle", "lab-1", 0, ["east"])]);

        var plan = Planner.Allocate(book, AllocationPolicy.MaxMin);

        Assert.Equal(1, FillOf(plan, "idle"));
        Assert.Empty(plan.Allocations);
    }
}

public sealed class FlowPlannerHandComputedTests : HandComputedPlanTests
{
    protected override IPlanner Planner { get; } = new FlowPlanner();
}

public sealed class LpReferencePlannerHandComputedTests : HandComputedPlanTests
{
    protected override IPlanner Planner { get; } = new LpReferencePlanner();
}
