namespace Quartermaster.Core;

/// <summary>How much of a contract's commitment a plan serves in one month of its term.</summary>
/// <param name="Month">The month.</param>
/// <param name="ContractId">Id of the contract.</param>
/// <param name="TenantId">Id of the tenant that signed it.</param>
/// <param name="CommittedMw">MW committed that month.</param>
/// <param name="AllocatedMw">MW allocated that month, summed over sites and chip pools (never above committed).</param>
public readonly record struct ContractFill(
    Month Month,
    string ContractId,
    string TenantId,
    double CommittedMw,
    double AllocatedMw)
{
    /// <summary>Allocated / committed, in [0, 1]; 1 when nothing is committed.</summary>
    public double FillRatio => CommittedMw > 0 ? Math.Min(1, AllocatedMw / CommittedMw) : 1;

    /// <summary>Committed MW not served: committed - allocated, never negative.</summary>
    public double ShortMw => Math.Max(0, CommittedMw - AllocatedMw);
}
