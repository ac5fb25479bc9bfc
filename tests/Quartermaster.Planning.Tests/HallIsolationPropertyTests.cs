using CsCheck;

namespace Quartermaster.Planning.Tests;

/// <summary>Dedicated-hall isolation over generated books: every plan made is isolated and as fair as without isolation.</summary>
public sealed class HallIsolationPropertyTests
{
    [Fact]
    public void The_audit_passes_max_min_on_books_with_dedicated_halls()
    {
        BookGen.IsolatedBooks.Sample(book =>
        {
            AuditReport report;
            try
            {
                report = NeutralityAudit.Run(book, AllocationPolicy.MaxMin);
            }
            catch (PlanningException)
            {
                return;
            }
            Assert.True(report.Passed, string.Join("; ", report.Checks.SelectMany(c => c.Findings).Select(f => $"{f.Month} {f.Detail}")));
        }, iter: 300);
    }

    [Fact]
    public void Every_plan_keeps_dedicated_contracts_apart_from_rivals_with_the_fair_shares_of_the_unisolated_book()
    {
        var planned = 0;
        var refused = 0;
        var hallByHall = 0;
        BookGen.IsolatedBooks.Sample(book =>
        {
            Plan plan;
            try
            {
                plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
            }
            catch (PlanningException e)
            {
                Assert.Contains("isolation binds", e.Message);
                Interlocked.Increment(ref refused);
                return;
            }
            Interlocked.Increment(ref planned);
            if (plan.HallAllocations.Count > 0)
            {
                Interlocked.Increment(ref hallByHall);
            }
            var shared = new FlowPlanner().Allocate(book with { Contracts = book.Contracts.Select(c => c with { Isolation = Isolation.Shared }).ToValueList() }, AllocationPolicy.MaxMin);
            Assert.Equal(shared.Fills.Select(f => f.ContractId), plan.Fills.Select(f => f.ContractId));
            Assert.All(plan.Fills.Zip(shared.Fills), pair => Assert.Equal(pair.Second.FillRatio, pair.First.FillRatio, 1e-6));

            var tenantOf = book.Contracts.ToDictionary(c => c.Id, c => c.Tenant);
            var groupOf = book.Tenants.ToDictionary(t => t.Id, t => t.RivalryGroup);
            var dedicated = book.Contracts.Where(c => c.Isolation == Isolation.DedicatedHall).Select(c => c.Id).ToHashSet();
            bool Rivals(string a, string b) => tenantOf[a] != tenantOf[b] && groupOf[tenantOf[a]] is { } g && groupOf[tenantOf[b]] == g;

            foreach (var hall in plan.HallAllocations.GroupBy(h => (h.Month, h.SiteId, h.Hall)))
            {
                var here = hall.Select(h => h.ContractId).Distinct().ToList();
                foreach (var d in here.Where(dedicated.Contains))
                {
                    Assert.DoesNotContain(here, other => Rivals(d, other));
                }
                var site = book.Sites.Single(s => s.Id == hall.Key.SiteId);
                foreach (var pool in hall.GroupBy(h => h.Chip))
                {
                    Assert.True(pool.Sum(h => h.Mw) <= (site.ChipPoolMw(pool.Key, hall.Key.Month) / site.Halls) + 1e-6, $"hall {hall.Key} over capacity");
                }
            }
            // Every MW of a dedicated contract with an active rival is accounted for hall by hall.
            foreach (var month in plan.Months)
            {
                var active = plan.Fills.Where(f => f.Month == month && f.AllocatedMw > 0).Select(f => f.ContractId).ToList();
                foreach (var row in plan.Allocations.Where(a => a.Month == month && dedicated.Contains(a.ContractId) && active.Any(o => Rivals(a.ContractId, o))))
                {
                    var inHalls = plan.HallAllocations.Where(h => h.Month == month && h.ContractId == row.ContractId && h.SiteId == row.SiteId && h.Chip == row.Chip).Sum(h => h.Mw);
                    Assert.Equal(row.Mw, inHalls, 1e-6);
                }
            }
        }, iter: 400);
        Assert.True(hallByHall > 0 && refused > 0, $"the generator should give both outcomes: {planned} planned ({hallByHall} hall by hall), {refused} refused");
    }
}
