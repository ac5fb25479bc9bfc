using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>A month in which a contract got less than committed.</summary>
/// <param name="Month">The month.</param>
/// <param name="CommittedMw">MW committed.</param>
/// <param name="AllocatedMw">MW allocated.</param>
/// <param name="ShortfallMw">Committed minus allocated.</param>
public sealed record ShortfallMonth(Month Month, double CommittedMw, double AllocatedMw, double ShortfallMw);
