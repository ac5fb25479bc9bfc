using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>
/// A simple, honest stand-in for the real planner (swapped in at merge): each month every chip pool's
/// MW is shared among the contracts eligible for it in proportion to their commitment, and a contract
/// takes min(committed, its shares). Capacity-feasible, never over-allocates; not max-min fair.
/// </summary>
public sealed class StandInPlanner : IBookPlanner
{
    /// <inheritdoc/>
    public string Name => "stand-in pro-rata";

    /// <inheritdoc/>
    public BookPlan Plan(Book book, AllocationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(book);
        var fills = new List<FillRow>();
        var allocations = new List<AllocationRow>();
        foreach (var month in book.Horizon.Months())
        {
            var committed = book.Contracts.ToDictionary(c => c.Id, c => c.CommittedMw(month));
            var perPool = new Dictionary<(string Contract, string Site, string Chip), double>();
            foreach (var site in book.Sites)
            {
                foreach (var pool in site.ChipPools)
                {
                    var eligible = book.Contracts.Where(c => committed[c.Id] > 0 && c.Regions.Contains(site.Region) && c.Chips.Contains(pool.Chip)).ToList();
                    var demand = eligible.Sum(c => committed[c.Id]);
                    var poolMw = site.ChipPoolMw(pool.Chip, month);
                    foreach (var c in eligible)
                    {
                        perPool[(c.Id, site.Id, pool.Chip)] = poolMw * committed[c.Id] / demand;
                    }
                }
            }
            var text = month.ToString();
            foreach (var contract in book.Contracts.Where(c => committed[c.Id] > 0))
            {
                // Take shares in site order until the commitment is met.
                var need = committed[contract.Id];
                var got = 0.0;
                foreach (var ((id, site, chip), mw) in perPool.Where(p => p.Key.Contract == contract.Id))
                {
                    var take = Math.Min(mw, need - got);
                    if (take <= 0)
                    {
                        break;
                    }
                    got += take;
                    allocations.Add(new AllocationRow(text, id, contract.Tenant, site, chip, take));
                }
                fills.Add(new FillRow(text, contract.Id, contract.Tenant, need, got));
            }
        }
        return new BookPlan(fills, allocations);
    }
}
