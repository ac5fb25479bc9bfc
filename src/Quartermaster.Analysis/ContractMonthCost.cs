using Quartermaster.Core;
namespace Quartermaster.Analysis;

/// <summary>One month in which an existing contract's fill ratio changes if the proposal is signed in full.</summary>
/// <param name="Month">The month.</param>
/// <param name="OldFillRatio">Fill ratio today, 0 to 1.</param>
/// <param name="NewFillRatio">Fill ratio with the proposal signed, 0 to 1.</param>
/// <param name="OldMw">MW allocated today.</param>
/// <param name="NewMw">MW allocated with the proposal signed.</param>
public sealed record ContractMonthCost(Month Month, double OldFillRatio, double NewFillRatio, double OldMw, double NewMw);
