using Quartermaster.Core;
namespace Quartermaster.Analysis;

/// <summary>What signing the proposal in full does to one existing contract.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="TenantName">The tenant's display name.</param>
/// <param name="Months">The months whose fill ratio changes (by more than 1e-9), in order.</param>
/// <param name="MwMonthsLost">Allocated MW lost, summed over those months (negative when it gains).</param>
/// <param name="LowestNewFillRatio">Its lowest fill ratio in those months with the proposal signed.</param>
/// <param name="NewShortMonths">Months it is served in full today and short with the proposal signed.</param>
public sealed record ExistingContractCost(
    string ContractId, string TenantId, string TenantName, ValueList<ContractMonthCost> Months, double MwMonthsLost, double LowestNewFillRatio, ValueList<Month> NewShortMonths);
