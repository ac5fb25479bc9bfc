using Quartermaster.Core;

namespace Quartermaster.Analysis;

/// <summary>The fill ratio moves of one contract, summarised over the months it has in both plans.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="TenantId">Its tenant in the new book.</param>
/// <param name="MonthsMoved">Months whose fill ratio differs.</param>
/// <param name="FirstMonth">The first of those months.</param>
/// <param name="LastMonth">The last of those months.</param>
/// <param name="OldMeanFillRatio">Mean fill ratio in the old plan over the months in both plans.</param>
/// <param name="NewMeanFillRatio">Mean fill ratio in the new plan over the same months.</param>
/// <param name="LargestDrop">The largest fall of the fill ratio in one month (0 when it never falls), as a positive fraction.</param>
/// <param name="LargestRise">The largest rise of the fill ratio in one month (0 when it never rises).</param>
public sealed record ContractFillChange(
    string ContractId, string TenantId, int MonthsMoved, Month FirstMonth, Month LastMonth,
    double OldMeanFillRatio, double NewMeanFillRatio, double LargestDrop, double LargestRise);
