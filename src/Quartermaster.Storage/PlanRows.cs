namespace Quartermaster.Storage;

/// <summary>Committed against allocated MW for one contract in one month of a plan.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="ContractId">The contract.</param>
/// <param name="TenantId">The contract's tenant.</param>
/// <param name="CommittedMw">MW committed that month.</param>
/// <param name="AllocatedMw">MW the plan allocates that month (at most committed).</param>
public sealed record FillRow(string Month, string ContractId, string TenantId, double CommittedMw, double AllocatedMw)
{
    /// <summary>Allocated / committed; 1 when nothing is committed.</summary>
    public double FillRatio => CommittedMw > 0 ? AllocatedMw / CommittedMw : 1;
}

/// <summary>MW of one contract served from one chip pool of one site in one month.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="ContractId">The contract.</param>
/// <param name="TenantId">The contract's tenant.</param>
/// <param name="SiteId">The site.</param>
/// <param name="Chip">The chip pool.</param>
/// <param name="Mw">Megawatts allocated.</param>
public sealed record AllocationRow(string Month, string ContractId, string TenantId, string SiteId, string Chip, double Mw);

/// <summary>A stored plan's header; its rows are read per tenant.</summary>
/// <param name="PlanId">Plan id.</param>
/// <param name="BookId">The book planned.</param>
/// <param name="BookVersion">The version planned.</param>
/// <param name="Policy">Policy name, such as <c>max-min</c>.</param>
/// <param name="Planner">Name of the planner that made it.</param>
/// <param name="CreatedAt">When it was stored (UTC).</param>
public sealed record PlanSummary(string PlanId, string BookId, int BookVersion, string Policy, string Planner, DateTimeOffset CreatedAt);
