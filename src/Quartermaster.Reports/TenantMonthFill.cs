using Quartermaster.Core;

namespace Quartermaster.Reports;

/// <summary>Committed and allocated MW of one tenant's contract in one month, as a chart reads a plan.</summary>
/// <param name="Month">The month.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="CommittedMw">MW committed.</param>
/// <param name="AllocatedMw">MW allocated.</param>
public readonly record struct TenantMonthFill(Month Month, string TenantId, double CommittedMw, double AllocatedMw);
