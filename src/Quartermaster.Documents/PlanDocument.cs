using System.Text.Json.Serialization;
using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm plan BOOK --json</c>: the whole plan, in the plan's own rows (one type per concept: the API serves the
/// same allocation and fill rows). MW throughout; rows sorted by month, then by ids.
/// </summary>
/// <param name="Policy">The policy the plan follows.</param>
/// <param name="Months">The months planned, in order.</param>
/// <param name="Allocations">MW of each contract in each chip pool of each site and month (positive rows only); x[contract, site, month] is the sum over a site's chip pools.</param>
/// <param name="Fills">Committed and allocated MW of every contract in every month of its term.</param>
/// <param name="Idle">Online and allocated MW of every site in every month.</param>
/// <param name="Shortfalls">Every contract-month served below its commitment, with the full chip pools that bound it.</param>
public sealed record PlanDocument(
    AllocationPolicy Policy,
    IReadOnlyList<Month> Months,
    IReadOnlyList<Allocation> Allocations,
    IReadOnlyList<ContractFill> Fills,
    IReadOnlyList<SiteIdle> Idle,
    IReadOnlyList<Shortfall> Shortfalls) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="plan"/>.</summary>
    public static PlanDocument Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDocument(plan.Policy, plan.Months, plan.Allocations, plan.Fills, plan.Idle, plan.Shortfalls);
    }
}
