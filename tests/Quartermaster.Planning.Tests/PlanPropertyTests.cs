using CsCheck;

namespace Quartermaster.Planning.Tests;

/// <summary>Invariants of plans over generated small books (<see cref="BookGen"/>).</summary>
public sealed class PlanPropertyTests
{
    private const double Tolerance = 1e-7;

    private static readonly AllocationPolicy[] Policies = Enum.GetValues<AllocationPolicy>();

    [Fact]
    public void No_plan_exceeds_a_pool_a_site_or_a_commitment_or_uses_an_ineligible_pool()
    {
        BookGen.Books.Sample(book =>
        {
            foreach (var policy in Policies)
            {
                var plan = new FlowPlanner().Allocate(book, policy);
                foreach (var month in plan.Months)
                {
                    var rows = plan.Allocations.Where(a => a.Month == month).ToList();
                    foreach (var site in book.Sites)
                    {
                        Assert.True(rows.Where(a => a.SiteId == site.Id).Sum(a => a.Mw) <= site.OnlineMw(month) + Tolerance, $"site {site.Id} over capacity in {month} under {policy}");
                        foreach (var pool in site.ChipPools)
                        {
                            var used = rows.Where(a => a.SiteId == site.Id && a.Chip == pool.Chip).Sum(a => a.Mw);
                            Assert.True(used <= site.ChipPoolMw(pool.Chip, month) + Tolerance, $"pool {site.Id}/{pool.Chip} over capacity in {month} under {policy}");
                        }
                    }
                    foreach (var contract in book.Contracts)
                    {
                        var mine = rows.Where(a => a.ContractId == contract.Id).ToList();
                        Assert.True(mine.Sum(a => a.Mw) <= contract.CommittedMw(month) + Tolerance, $"{contract.Id} above its commitment in {month} under {policy}");
                        Assert.All(mine, a => Assert.True(
                            contract.Chips.Contains(a.Chip) && contract.Regions.Contains(book.Sites.Single(s => s.Id == a.SiteId).Region),
                            $"{contract.Id} placed in ineligible pool {a.SiteId}/{a.Chip}"));
                    }
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Under_max_min_and_weighted_no_fill_ratio_can_rise_without_lowering_one_that_is_not_higher()
    {
        // The bottleneck certificate of lexicographic max-min: every contract below fill 1 finds each pool it may use
        // full, and shared only with contracts whose fill ratio (over weight) is not above its own. If a pool had room
        // it could rise; if a higher contract used it, taking MW from that contract would be a lexicographic gain.
        BookGen.Books.Sample(book =>
        {
            foreach (var policy in new[] { AllocationPolicy.MaxMin, AllocationPolicy.Weighted })
            {
                var plan = new FlowPlanner().Allocate(book, policy);
                var weight = book.Contracts.ToDictionary(c => c.Id, c => policy == AllocationPolicy.Weighted ? c.Weight : 1);
                foreach (var fill in plan.Fills.Where(f => f.CommittedMw > 0 && f.FillRatio < 1 - Tolerance))
                {
                    var contract = book.Contracts.Single(c => c.Id == fill.ContractId);
                    var level = fill.FillRatio / weight[fill.ContractId];
                    foreach (var site in book.Sites.Where(s => contract.Regions.Contains(s.Region)))
                    {
                        foreach (var pool in site.ChipPools.Where(p => contract.Chips.Contains(p.Chip)))
                        {
                            var users = plan.Allocations.Where(a => a.Month == fill.Month && a.SiteId == site.Id && a.Chip == pool.Chip).ToList();
                            Assert.True(users.Sum(a => a.Mw) >= site.ChipPoolMw(pool.Chip, fill.Month) - 1e-6,
                                $"{fill.ContractId} is short in {fill.Month} under {policy} while {site.Id}/{pool.Chip} has room");
                            foreach (var user in users.Where(u => u.Mw > Tolerance))
                            {
                                var other = plan.Fill(user.ContractId, fill.Month);
                                Assert.True(other.FillRatio / weight[user.ContractId] <= level + 1e-6,
                                    $"{user.ContractId} (fill {other.FillRatio}) uses {site.Id}/{pool.Chip}, which {fill.ContractId} (fill {fill.FillRatio}) needs, in {fill.Month} under {policy}");
                            }
                        }
                    }
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Reordering_the_book_and_renaming_tenants_gives_the_same_plan()
    {
        BookGen.Books.Sample(book =>
        {
            string Rename(string id) => "renamed-" + new string(id.Reverse().ToArray());
            var shuffled = book with
            {
                Sites = Rotate(book.Sites),
                Tenants = Rotate(book.Tenants).Select(t => t with { Id = Rename(t.Id) }).ToValueList(),
                Contracts = Rotate(book.Contracts).Select(c => c with { Tenant = Rename(c.Tenant) }).ToValueList(),
                Investments = book.Investments.Select(i => i with { Tenant = Rename(i.Tenant) }).ToValueList(),
            };
            foreach (var policy in Policies)
            {
                var plan = new FlowPlanner().Allocate(book, policy);
                var other = new FlowPlanner().Allocate(shuffled, policy);
                var back = book.Tenants.ToDictionary(t => Rename(t.Id), t => t.Id);
                Assert.Equal(plan.Allocations, other.Allocations.Select(a => a with { TenantId = back[a.TenantId] }).ToValueList());
                Assert.Equal(plan.Idle, other.Idle);
                Assert.Equal(plan.Fills, other.Fills.Select(f => f with { TenantId = back[f.TenantId] }).ToValueList());
                Assert.Equal(plan.Shortfalls.Select(s => (s.Month, s.ContractId, s.ShortMw, s.SaturatedPools)), other.Shortfalls.Select(s => (s.Month, s.ContractId, s.ShortMw, s.SaturatedPools)));
            }
        }, iter: 200);
    }

    [Fact]
    public void The_same_book_planned_twice_gives_an_identical_plan()
    {
        BookGen.Books.Sample(book =>
        {
            foreach (var policy in Policies)
            {
                var planner = new FlowPlanner();
                var first = planner.Allocate(book, policy);
                Assert.Equal(first, planner.Allocate(book, policy));
                Assert.Equal(first, new FlowPlanner().Allocate(book, policy));
            }
        }, iter: 200);
    }

    [Fact]
    public void The_production_planner_and_the_lp_reference_give_the_same_fill_ratios()
    {
        BookGen.Books.Sample(SameFillRatios, iter: 300);
    }

    [Fact]
    public void The_production_planner_and_the_lp_reference_give_the_same_fill_ratios_on_larger_books()
    {
        BookGen.LargerBooks.Sample(SameFillRatios, iter: 40);
    }

    private static void SameFillRatios(Book book)
    {
        foreach (var policy in Policies)
        {
            var production = new FlowPlanner().Allocate(book, policy);
            var reference = new LpReferencePlanner().Allocate(book, policy);
            Assert.Equal(reference.Fills.Count, production.Fills.Count);
            foreach (var (p, r) in production.Fills.Zip(reference.Fills))
            {
                Assert.Equal((p.Month, p.ContractId), (r.Month, r.ContractId));
                Assert.True(Math.Abs(p.FillRatio - r.FillRatio) <= 1e-6,
                    $"{p.ContractId} in {p.Month} under {policy}: production fill {p.FillRatio}, reference {r.FillRatio}");
            }
        }
    }

    [Fact]
    public void Replanning_a_book_with_one_contract_changed_gives_the_same_plan_as_planning_it_afresh()
    {
        var change = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 2], Gen.Double[0.0, 1.5]);
        Gen.Select(BookGen.Books, change).Sample((book, edit) =>
        {
            var (which, from, factor) = edit;
            var target = book.Contracts[which % book.Contracts.Count];
            var at = book.Horizon.Start.Plus(Math.Min(from, book.Horizon.MonthCount - 1));
            var changedContract = target with
            {
                Ramp = target.Ramp.Where(s => s.From < at).Append(new MwStep(at, Math.Round(Schedule.ValueAt(target.Ramp, at) * factor))).ToValueList(),
            };
            var changed = book with { Contracts = book.Contracts.Select(c => c.Id == target.Id ? changedContract : c).ToValueList() };
            foreach (var policy in Policies)
            {
                var planner = new FlowPlanner();
                planner.Allocate(book, policy);
                Assert.Equal(new FlowPlanner().Allocate(changed, policy), planner.Allocate(changed, policy));
            }
        }, iter: 200);
    }

    private static ValueList<T> Rotate<T>(ValueList<T> items) =>
        items.Count == 0 ? items : items.Skip(items.Count / 2).Concat(items.Take(items.Count / 2)).Reverse().ToValueList();
}
