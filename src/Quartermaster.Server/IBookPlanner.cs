using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>
/// The seam to the planner: the server needs per contract-month committed/allocated MW and per-site
/// allocation rows, nothing more. <see cref="FlowBookPlanner"/> is the real one.
/// </summary>
public interface IBookPlanner
{
    /// <summary>Name recorded with each stored plan.</summary>
    string Name { get; }

    /// <summary>Plans <paramref name="book"/> under <paramref name="policy"/>.</summary>
    BookPlan Plan(Book book, AllocationPolicy policy);
}

/// <summary>A plan's rows as the server stores them.</summary>
/// <param name="Fills">Committed and allocated MW per contract and month (every month of every contract's term within the horizon).</param>
/// <param name="Allocations">MW per contract, site, chip pool and month; only positive rows.</param>
public sealed record BookPlan(IReadOnlyList<ContractFill> Fills, IReadOnlyList<Allocation> Allocations);
