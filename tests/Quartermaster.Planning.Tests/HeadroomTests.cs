using CsCheck;
using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// The deal desk's headroom (<see cref="Headroom"/>): exact against an LP that maximises the proposed contract's MW
/// while every existing contract keeps its planned MW, and a certificate under max-min: signing exactly the headroom
/// leaves every existing fill where it was.
/// </summary>
public sealed class HeadroomTests
{
    private const double Tolerance = 1e-6;

    /// <summary>A small random book and a contract it does not have (id "proposed"), with its own eligibility and ramp.</summary>
    private static readonly Gen<(Book Book, Contract Proposed)> Proposals =
        from book in BookGen.Books
        from tenant in Gen.Int[0, 4]
        from regionMask in Gen.Int[1, 3]
        from chipMask in Gen.Int[1, 3]
        from first in Gen.Int[1, 150]
        from second in Gen.Int[0, 150]
        let months = book.Horizon.Months().Count()
        let regions = new[] { "east", "west" }.Where((_, i) => (regionMask & (1 << i)) != 0).ToValueList()
        let chips = new[] { "gb300", "tpu" }.Where((_, i) => (chipMask & (1 << i)) != 0).ToValueList()
        let ramp = months > 1 ? ValueList.Of(new MwStep(TestBooks.January, first), new MwStep(TestBooks.January.Plus(1), second)) : ValueList.Of(new MwStep(TestBooks.January, first))
        select (book, new Contract("proposed", $"lab-{tenant}", TestBooks.January, book.Horizon.End, 200, 0.5, chips, regions, Isolation.Shared, 1, ramp));

    [Fact]
    public void A_book_with_room_for_part_of_a_contract_gives_the_room_left_after_every_planned_MW()
    {
        // 100 MW online; A (east) gets 70; the proposed contract wants 50 and may use only the same site: 30 MW fit.
        var book = TestBooks.Book([TestBooks.Site("s", "east", 100)], [TestBooks.Contract("a", "lab-a", 70, ["east"])]);
        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
        var headroom = Headroom.Of(book, plan, TestBooks.Contract("new", "lab-b", 50, ["east"]) with { End = TestBooks.January });

        var month = Assert.Single(headroom.Months);
        Assert.Equal(30, month.HeadroomMw, 9);
        Assert.Equal(0.6, headroom.UniformFraction, 9);
        Assert.Equal(TestBooks.January, headroom.FirstMonthShort);
    }

    [Fact]
    public void Headroom_reroutes_an_existing_contract_without_lowering_it()
    {
        // A may use east or west (60 MW each) and gets 60; the proposed contract may use only east. Moving A to west
        // frees east: all 60 MW of east fit, and A still has its 60.
        var book = TestBooks.Book([TestBooks.Site("e", "east", 60), TestBooks.Site("w", "west", 60)], [TestBooks.Contract("a", "lab-a", 60, ["east", "west"])]);
        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
        var headroom = Headroom.Of(book, plan, TestBooks.Contract("new", "lab-b", 80, ["east"]) with { End = TestBooks.January });

        Assert.Equal(60, Assert.Single(headroom.Months).HeadroomMw, 9);
    }

    [Fact]
    public void A_dedicated_hall_contract_beside_a_rival_is_flagged_as_an_upper_bound_and_a_shared_one_is_not()
    {
        var book = TestBooks.Book([TestBooks.Site("s", "east", 100, halls: 4)], [TestBooks.Contract("a", "lab-a", 30, ["east"])],
            tenants: [TestBooks.Tenant("lab-a", "labs"), TestBooks.Tenant("lab-b", "labs")]);
        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
        var dedicated = TestBooks.Contract("new", "lab-b", 50, ["east"], isolation: Isolation.DedicatedHall) with { End = TestBooks.January };
        var shared = dedicated with { Isolation = Isolation.Shared };

        Assert.True(Headroom.Of(book, plan, dedicated).IsolationApplies);
        Assert.False(Headroom.Of(book, plan, shared).IsolationApplies);
        Assert.Equal(50, Assert.Single(Headroom.Of(book, plan, shared).Months).HeadroomMw, 9);
    }

    [Fact]
    public void Headroom_equals_the_LP_maximum_with_every_existing_contract_keeping_its_MW()
    {
        Proposals.Sample(pair =>
        {
            var (book, proposed) = pair;
            foreach (var policy in new[] { AllocationPolicy.MaxMin, AllocationPolicy.ProRata, AllocationPolicy.Weighted })
            {
                var plan = new FlowPlanner().Allocate(book, policy);
                var headroom = Headroom.Of(book, plan, proposed);
                foreach (var month in headroom.Months)
                {
                    var lp = LpHeadroom(book, plan, proposed, month.Month);
                    Assert.True(Math.Abs(lp - month.HeadroomMw) <= Tolerance * Math.Max(1, month.CommittedMw),
                        $"{month.Month} under {policy}: headroom {month.HeadroomMw} MW, LP {lp} MW");
                }
            }
        }, iter: 150);
    }

    [Fact]
    public void Signing_exactly_the_headroom_leaves_every_existing_fill_unchanged_under_max_min()
    {
        Proposals.Sample(pair =>
        {
            var (book, proposed) = pair;
            var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
            foreach (var month in Headroom.Of(book, plan, proposed).Months.Where(m => m.HeadroomMw > 0))
            {
                var signed = Sign(book, proposed, month.Month, month.HeadroomMw);
                var after = new FlowPlanner().Allocate(signed, AllocationPolicy.MaxMin);
                foreach (var fill in plan.Fills.Where(f => f.Month == month.Month))
                {
                    Assert.True(Math.Abs(after.Fill(fill.ContractId, month.Month).FillRatio - fill.FillRatio) <= Tolerance,
                        $"{fill.ContractId} in {month.Month}: fill {fill.FillRatio} before, {after.Fill(fill.ContractId, month.Month).FillRatio} with {month.HeadroomMw} MW signed");
                }
                Assert.True(after.Fill("proposed", month.Month).FillRatio >= 1 - Tolerance, $"the headroom itself is not served in full in {month.Month}");
            }
        }, iter: 150);
    }

    [Fact]
    public void One_MW_above_the_headroom_is_not_served_in_full_unless_an_existing_fill_drops()
    {
        Proposals.Sample(pair =>
        {
            var (book, proposed) = pair;
            var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
            foreach (var month in Headroom.Of(book, plan, proposed).Months.Where(m => m.HeadroomMw + 1 <= m.CommittedMw))
            {
                var after = new FlowPlanner().Allocate(Sign(book, proposed, month.Month, month.HeadroomMw + 1), AllocationPolicy.MaxMin);
                var dropped = plan.Fills.Where(f => f.Month == month.Month).Any(f => after.Fill(f.ContractId, month.Month).FillRatio < f.FillRatio - 1e-9);
                var servedInFull = after.Fill("proposed", month.Month).AllocatedMw >= month.HeadroomMw + 1 - Tolerance;
                Assert.True(dropped || !servedInFull, $"{month.Month}: {month.HeadroomMw + 1} MW served in full and no existing fill dropped, so the headroom was not the maximum");
            }
        }, iter: 150);
    }

    [Fact]
    public void One_MW_above_the_headroom_can_leave_every_existing_fill_unchanged_when_the_bottleneck_is_already_lower()
    {
        // The counterexample to "one MW more always lowers an existing fill": A (east only, 1000 MW) gets all 100 MW of
        // east at fill 0.1; the proposed contract may use east and west (50 MW) and has 50 MW of headroom. With 51 MW
        // signed, max-min gives it west's 50 (fill 0.98) and takes nothing from A, whose fill 0.1 is already lower.
        var book = TestBooks.Book([TestBooks.Site("e", "east", 100), TestBooks.Site("w", "west", 50)], [TestBooks.Contract("a", "lab-a", 1000, ["east"])]);
        var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
        var proposed = TestBooks.Contract("proposed", "lab-b", 100, ["east", "west"]) with { End = TestBooks.January };
        var month = Assert.Single(Headroom.Of(book, plan, proposed).Months);
        Assert.Equal(50, month.HeadroomMw, 9);

        var after = new FlowPlanner().Allocate(Sign(book, proposed, TestBooks.January, 51), AllocationPolicy.MaxMin);
        Assert.Equal(0.1, after.Fill("a", TestBooks.January).FillRatio, 9);
        Assert.Equal(50, after.Fill("proposed", TestBooks.January).AllocatedMw, 9);
    }

    /// <summary>The book with <paramref name="proposed"/> signed for <paramref name="mw"/> in <paramref name="month"/> alone.</summary>
    private static Book Sign(Book book, Contract proposed, Month month, double mw) =>
        book with { Contracts = book.Contracts.Append(proposed with { Start = month, End = month, Ramp = ValueList.Of(new MwStep(month, mw)) }).ToValueList() };

    /// <summary>
    /// The reference: GLOP maximises the proposed contract's MW over (region, chip) classes, subject to each class's MW
    /// online, eligibility, and every existing contract getting exactly the MW the plan gives it.
    /// </summary>
    private static double LpHeadroom(Book book, Plan plan, Contract proposed, Month month)
    {
        var capacity = new Dictionary<(string Region, string Chip), double>();
        foreach (var site in book.Sites)
        {
            foreach (var pool in site.ChipPools)
            {
                capacity[(site.Region, pool.Chip)] = capacity.GetValueOrDefault((site.Region, pool.Chip)) + site.ChipPoolMw(pool.Chip, month);
            }
        }
        using var solver = Solver.CreateSolver("GLOP");
        // Classes with nothing online are left out: GLOP reports an empty [0, 0] row as abnormal.
        var rows = capacity.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => solver.MakeConstraint(0, c.Value));
        var contracts = book.Contracts.Select(c => (Contract: c, Mw: plan.Fills.Where(f => f.Month == month && f.ContractId == c.Id).Sum(f => f.AllocatedMw)))
            .Append((Contract: proposed, Mw: double.NaN));
        foreach (var (contract, mw) in contracts)
        {
            if (mw == 0)
            {
                continue;
            }
            // Planned MW are exact to rounding, so each existing contract keeps its MW to 1e-9 of it.
            var total = double.IsNaN(mw) ? solver.MakeConstraint(0, proposed.CommittedMw(month)) : solver.MakeConstraint(mw * (1 - 1e-9), mw * (1 + 1e-9));
            foreach (var (key, row) in rows.Where(r => contract.Regions.Contains(r.Key.Region) && contract.Chips.Contains(r.Key.Chip)))
            {
                var x = solver.MakeNumVar(0, double.PositiveInfinity, $"{contract.Id}@{key}");
                row.SetCoefficient(x, 1);
                total.SetCoefficient(x, 1);
                if (double.IsNaN(mw))
                {
                    solver.Objective().SetCoefficient(x, 1);
                }
            }
        }
        solver.Objective().SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return solver.Objective().Value();
    }
}
