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
