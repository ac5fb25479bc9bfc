using CsCheck;

namespace Quartermaster.Planning.Tests;

/// <summary>
/// Dedicated-hall isolation over generated books: every book plans, every plan is isolated, and isolation never
/// makes a plan fairer than the same book without it (it only removes placements).
/// </summary>
public sealed class HallIsolationPropertyTests
{
    [Fact]
    public void The_audit_passes_max_min_on_books_with_dedicated_halls()
    {
        BookGen.IsolatedBooks.Sample(book =>
        {
            var report = NeutralityAudit.Run(book, AllocationPolicy.MaxMin);
            Assert.True(report.Passed, string.Join("; ", report.Checks.SelectMany(c => c.Findings).Select(f => $"{f.Month} {f.Detail}")));
        }, iter: 300);
    }

    [Fact]
    public void Every_book_plans_with_dedicated_contracts_apart_from_rivals_and_no_fairer_than_without_isolation()
    {
        var planned = 0;
        var binding = 0;
        var hallByHall = 0;
        BookGen.IsolatedBooks.Sample(book =>
        {
            var plan = new FlowPlanner().Allocate(book, AllocationPolicy.MaxMin);
            Interlocked.Increment(ref planned);
            if (plan.HallAllocations.Count > 0)
            {
                Interlocked.Increment(ref hallByHall);
            }
            var shared = new FlowPlanner().Allocate(book with { Contracts = book.Contracts.Select(c => c with { Isolation = Isolation.Shared }).ToValueList() }, AllocationPolicy.MaxMin);
            Assert.Equal(shared.Fills.Select(f => f.ContractId), plan.Fills.Select(f => f.ContractId));
            foreach (var month in plan.Months)
            {
                var isolatedFills = plan.Fills.Where(f => f.Month == month).Select(f => f.FillRatio).Order().ToArray();
                var sharedFills = shared.Fills.Where(f => f.Month == month).Select(f => f.FillRatio).Order().ToArray();
                var first = Enumerable.Range(0, isolatedFills.Length).FirstOrDefault(k => Math.Abs(isolatedFills[k] - sharedFills[k]) > 1e-6, -1);
                if (first >= 0)
                {
                    // Where isolation binds, the sorted fills are lexicographically below the unisolated ones.
                    Assert.True(isolatedFills[first] < sharedFills[first], $"{month}: isolated fills {string.Join(", ", isolatedFills)} beat the unisolated {string.Join(", ", sharedFills)}");
                    Interlocked.Increment(ref binding);
                }
            }

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
            // Every MW of a dedicated contract at a site where a rival gets MW is accounted for hall by hall.
            foreach (var month in plan.Months)
            {
                var rows = plan.Allocations.Where(a => a.Month == month).ToList();
                foreach (var row in rows.Where(a => dedicated.Contains(a.ContractId) && rows.Any(o => o.SiteId == a.SiteId && Rivals(a.ContractId, o.ContractId))))
                {
                    var inHalls = plan.HallAllocations.Where(h => h.Month == month && h.ContractId == row.ContractId && h.SiteId == row.SiteId && h.Chip == row.Chip).Sum(h => h.Mw);
                    Assert.Equal(row.Mw, inHalls, 1e-6);
                }
            }
        }, iter: 400);
        Assert.True(hallByHall > 0 && binding > 0, $"the generator should give both outcomes: {planned} planned ({hallByHall} hall by hall), {binding} months where isolation binds");
    }
}
