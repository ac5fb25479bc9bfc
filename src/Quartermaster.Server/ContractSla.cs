namespace Quartermaster.Server;

/// <summary>One contract's service level over the plan.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="CommittedMwMonths">Sum of committed MW over the months.</param>
/// <param name="AllocatedMwMonths">Sum of allocated MW over the months.</param>
/// <param name="MinFillRatio">The lowest monthly fill ratio (allocated / committed).</param>
/// <param name="ShortfallMonths">Months allocated below committed (by more than 1e-9 MW).</param>
public sealed record ContractSla(string ContractId, double CommittedMwMonths, double AllocatedMwMonths, double MinFillRatio, IReadOnlyList<ShortfallMonth> ShortfallMonths);
