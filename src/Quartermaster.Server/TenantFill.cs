namespace Quartermaster.Server;

/// <summary>One tenant's committed and allocated MW per month under the latest plan, summed over its contracts.</summary>
/// <param name="BookId">The book.</param>
/// <param name="PlanId">The plan read.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Months">Months, in order (those in any of the tenant's contract terms).</param>
/// <param name="CommittedMw">MW committed per month.</param>
/// <param name="AllocatedMw">MW allocated per month.</param>
public sealed record TenantFill(string BookId, string PlanId, string TenantId, IReadOnlyList<string> Months, IReadOnlyList<double> CommittedMw, IReadOnlyList<double> AllocatedMw);
