using CsCheck;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// Plans of books whose figures span eight orders of magnitude (0.001 MW next to 100 GW): every policy agrees with
/// the LP reference, and no capacity an eligible, unfilled contract could use sits idle. Every comparison is relative
/// to the quantities compared (a contract's commitment, a pool's capacity).
/// </summary>
public sealed class MagnitudeTests
{
    private const double Relative = 1e-9;

    private static readonly AllocationPolicy[] Policies = Enum.GetValues<AllocationPolicy>();

    [Fact]
    public void Every_policy_agrees_with_the_lp_reference_on_books_spanning_eight_orders_of_magnitude()
    {
        BookGen.MagnitudeBooks.Sample(Check, iter: 3000);
        void Check(Book book)
        {
            foreach (var policy in Policies)
            {
                var production = new FlowPlanner().Allocate(book, policy);
                var reference = new LpReferencePlanner().Allocate(book, policy);
                Assert.Equal(reference.Fills.Select(f => (f.Month, f.ContractId)), production.Fills.Select(f => (f.Month, f.ContractId)));
                foreach (var (p, r) in production.Fills.Zip(reference.Fills))
                {
                    // GLOP, like any LP solver in floating point, knows a pool's MW to about 1e-9 of the largest figures
                    // linked to it, and up to 1e-8 was seen (seed 4EIr20BYYtA8: 1.1e-3 MW next to a 96 GW contract); a
                    // contract linked to one 1e8 times its size is known to the reference only that roughly. The
                    // production plan is held to a much tighter rule by the idle-capacity test below.
                    var tolerance = 1e-6 + (1e-7 * LargestSharing(book, p.ContractId, p.Month) / p.CommittedMw);
                    Assert.True(Math.Abs(p.FillRatio - r.FillRatio) <= tolerance,
                        $"{p.ContractId} ({p.CommittedMw} MW) in {p.Month} under {policy}: production fill {p.FillRatio}, reference {r.FillRatio}");
                }
            }
        }
    }

    [Fact]
    public void The_reference_does_not_hold_back_a_contract_alone_in_its_pools_when_a_tiny_one_rises_only_through_a_relaxed_row()
    {
        // Seed 76BpUnayczI7. Under favour-stakes, c-4 (10 MW, west gb300) has 18,614 MW to itself. c-5 (0.001 MW, east)
        // is blocked, but GLOP, with the frozen 55,814 MW of c-1 relaxed by 1e-7 (5.6e-3 MW), lets it reach fill 1
        // too: every candidate rose, and the reference froze both at c-5's level (c-4 at 0.00067). The blocked
        // candidate is the one without which the level rises.
        var book = Quartermaster.Books.BookReader.ReadText(TinyNextToRelaxedYaml, "magnitudes.yaml").Book!;

        var reference = new LpReferencePlanner().Allocate(book, AllocationPolicy.FavourStakes);

        Assert.Equal(1, reference.Fills.Single(f => f.ContractId == "c-4").FillRatio, 9);
        Assert.True(reference.Fills.Single(f => f.ContractId == "c-5").FillRatio < 0.01);
    }

    private const string TinyNextToRelaxedYaml = """
        book: magnitudes
        provider: "provider"
        horizon: {start: 2027-01, end: 2027-01}
        sites:
          - {id: site-0, region: west, halls: 2, capex: $1M/MW, opex: $12/MW-month, chips: {gb300: 25%, tpu: 75%}, online: {2027-01: 74.417 GW}}
          - {id: site-1, region: east, halls: 2, capex: $1M/MW, opex: $8/MW-month, chips: {gb300: 50%, tpu: 50%}, online: {2027-01: 1 MW}}
          - {id: site-2, region: east, halls: 2, capex: $1M/MW, opex: $20/MW-month, chips: {gb300: 70%, tpu: 30%}, online: {2027-01: 1 MW}}
          - {id: site-3, region: east, halls: 2, capex: $1M/MW, opex: $16/MW-month, chips: {gb300: 25%, tpu: 75%}, online: {2027-01: 0.151 MW}}
          - {id: site-4, region: west, halls: 2, capex: $1M/MW, opex: $12/MW-month, chips: {gb300: 100%}, online: {2027-01: 10 MW}}
        rivalry_groups:
          - {id: labs, name: "Frontier labs"}
        tenants:
          - {id: lab-0, name: "LAB-0", rivalry_group: labs}
          - {id: lab-1, name: "LAB-1", rivalry_group: labs}
        contracts:
          - {id: c-0, tenant: lab-1, start: 2027-01, end: 2027-01, price: $200/MW-month, take_or_pay: 50%, chips: [tpu], regions: [east], weight: 3, ramp: {2027-01: 0.018462200631022926 MW}}
          - {id: c-1, tenant: lab-1, start: 2027-01, end: 2027-01, price: $300/MW-month, take_or_pay: 50%, chips: [tpu], regions: [east, west], weight: 2, ramp: {2027-01: 72.31442857142857 GW}}
          - {id: c-2, tenant: lab-0, start: 2027-01, end: 2027-01, price: $200/MW-month, take_or_pay: 50%, chips: [tpu], regions: [east], ramp: {2027-01: 1 MW}}
          - {id: c-3, tenant: lab-0, start: 2027-01, end: 2027-01, price: $300/MW-month, take_or_pay: 50%, chips: [gb300], regions: [east], weight: 2, ramp: {2027-01: 3.722 GW}}
          - {id: c-4, tenant: lab-0, start: 2027-01, end: 2027-01, price: $100/MW-month, take_or_pay: 50%, chips: [gb300], regions: [west], ramp: {2027-01: 10 MW}}
          - {id: c-5, tenant: lab-0, start: 2027-01, end: 2027-01, price: $300/MW-month, take_or_pay: 50%, chips: [gb300, tpu], regions: [east], weight: 2, ramp: {2027-01: 0.001 MW}}
        investments:
          - {id: stake-lab-1, tenant: lab-1, amount: $25B, ownership: 10%, valuation: $250B}
        """;

    /// <summary>
    /// The largest commitment in <paramref name="month"/> among the contracts linked to <paramref name="contractId"/>
    /// through pools with capacity online (contracts that may use a pool it may use, the contracts that share a pool
    /// with those, and so on): the reference's rounding on a 96 GW contract reaches a 0.07 MW one through a 1 MW
    /// contract that shares a pool with each (seed c-_cNxpCf6i3).
    /// </summary>
    private static double LargestSharing(Book book, string contractId, Month month)
    {
        HashSet<(string Region, string Chip)> Classes(Contract c) => [.. book.Sites.Where(s => c.Regions.Contains(s.Region))
            .SelectMany(s => s.ChipPools.Where(p => c.Chips.Contains(p.Chip) && s.ChipPoolMw(p.Chip, month) > 0).Select(p => (s.Region, p.Chip)))];
        var linked = new HashSet<string> { contractId };
        var classes = Classes(book.Contracts.Single(c => c.Id == contractId));
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var c in book.Contracts.Where(c => !linked.Contains(c.Id) && Classes(c).Overlaps(classes)))
            {
                linked.Add(c.Id);
                classes.UnionWith(Classes(c));
                grew = true;
            }
        }
        return book.Contracts.Where(c => linked.Contains(c.Id)).Select(c => c.CommittedMw(month)).DefaultIfEmpty(0).Max();
    }

    [Fact]
    public void No_capacity_an_eligible_unfilled_contract_could_use_sits_idle_at_any_magnitude()
    {
        // Every policy but pro-rata (which holds a component at one ratio by design) ends with each contract below
        // fill 1 finding every pool it may use full. Pro-rata's common ratio is checked against the reference above.
        BookGen.MagnitudeBooks.Sample(Check, iter: 3000);
        void Check(Book book)
        {
            foreach (var policy in Policies)
            {
                var plan = new FlowPlanner().Allocate(book, policy);
                foreach (var month in plan.Months)
                {
                    var used = plan.Allocations.Where(a => a.Month == month).GroupBy(a => (a.SiteId, a.Chip)).ToDictionary(g => g.Key, g => g.Sum(a => a.Mw));
                    foreach (var site in book.Sites)
                    {
                        foreach (var pool in site.ChipPools)
                        {
                            var capacity = site.ChipPoolMw(pool.Chip, month);
                            Assert.True(used.GetValueOrDefault((site.Id, pool.Chip)) <= capacity * (1 + Relative), $"{site.Id}/{pool.Chip} over capacity in {month} under {policy}");
                        }
                    }
                    foreach (var fill in plan.Fills.Where(f => f.Month == month))
                    {
                        Assert.True(fill.AllocatedMw <= fill.CommittedMw * (1 + Relative), $"{fill.ContractId} above its commitment in {month} under {policy}");
                        if (policy == AllocationPolicy.ProRata || fill.CommittedMw <= 0 || fill.FillRatio >= 1 - Relative)
                        {
                            continue;
                        }
                        var contract = book.Contracts.Single(c => c.Id == fill.ContractId);
                        foreach (var site in book.Sites.Where(s => contract.Regions.Contains(s.Region)))
                        {
                            foreach (var pool in site.ChipPools.Where(p => contract.Chips.Contains(p.Chip)))
                            {
                                var capacity = site.ChipPoolMw(pool.Chip, month);
                                var idle = capacity - used.GetValueOrDefault((site.Id, pool.Chip));
                                // Idle only matters if it is material both for the pool and for the contract that could use it,
                                // and beyond the rounding of the largest figure flowing through the pool's class (the same chip
                                // in the same region): the largest contract that may use it, or the class's own MW, summed over
                                // its sites. A sum near 100 GW is exact to about 1e-11 MW, wherever that rounding lands.
                                // The planner's tie-breaking also sums flows over the month's whole network, so a floor of
                                // double rounding (1e-13) of the month's online MW applies too: seed 619-0MCBVJd2 left
                                // 2.9e-12 MW of a 0.00062 MW pool idle next to a 90 GW site. That floor is 1e7 times
                                // below the 1e-6-level misses this test was written for.
                                var largest = book.Contracts.Where(c => c.Regions.Contains(site.Region) && c.Chips.Contains(pool.Chip)).Max(c => c.CommittedMw(month));
                                var classMw = book.Sites.Where(s => s.Region == site.Region).Sum(s => s.ChipPoolMw(pool.Chip, month));
                                var monthMw = book.Sites.Sum(s => s.OnlineMw(month));
                                Assert.True(idle <= (Math.Max(capacity, fill.CommittedMw) * Relative) + (Math.Max(Math.Max(largest, classMw), monthMw) * 1e-13),
                                    $"{fill.ContractId} ({fill.CommittedMw} MW) is at fill {fill.FillRatio} in {month} under {policy} while {site.Id}/{pool.Chip} has {idle} of {capacity} MW idle");
                            }
                        }
                    }
                }
            }
        }
    }
}
