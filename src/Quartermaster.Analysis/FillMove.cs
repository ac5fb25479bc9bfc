using Quartermaster.Core;

namespace Quartermaster.Analysis;

/// <summary>A contract-month whose fill ratio (allocated / committed) differs between the plans of two books.</summary>
/// <param name="Month">The month.</param>
/// <param name="ContractId">The contract, present in both books.</param>
/// <param name="TenantId">Its tenant in the new book.</param>
/// <param name="OldFillRatio">Fill ratio in the old book's plan, 0 to 1.</param>
/// <param name="NewFillRatio">Fill ratio in the new book's plan, 0 to 1.</param>
public sealed record FillMove(Month Month, string ContractId, string TenantId, double OldFillRatio, double NewFillRatio);
