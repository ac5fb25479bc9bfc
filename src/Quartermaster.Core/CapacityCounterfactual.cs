namespace Quartermaster.Core;

/// <summary>
/// The capacity that would have filled a short contract-month: adding <paramref name="AddMw"/> MW to one chip pool
/// that month, with nothing else changed, and re-planning under the same policy serves the whole commitment.
/// </summary>
/// <param name="Pool">The chip pool to grow (one of the shortfall's bottleneck pools, or one the contract may use).</param>
/// <param name="AddMw">
/// MW to add (positive): the smallest multiple of <paramref name="PrecisionMw"/> that fills the contract, verified by
/// re-solving the month.
/// </param>
/// <param name="PrecisionMw">
/// The step <paramref name="AddMw"/> is rounded up to: a power of ten near a thousandth of the contract's commitment
/// that month (0.1 MW for 100-999 MW, 1 MW for 1,000-9,999 MW).
/// </param>
public sealed record CapacityCounterfactual(ChipPoolRef Pool, double AddMw, double PrecisionMw);
