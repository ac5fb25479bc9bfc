using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>One month of a stress run: means and percentile bands across paths.</summary>
/// <param name="Month">The month.</param>
/// <param name="RevenueMean">Mean revenue that month, US dollars.</param>
/// <param name="UsedMwMean">Mean MW used that month.</param>
/// <param name="IdleMwMean">Mean MW idle that month.</param>
/// <param name="Revenue">Percentiles of revenue that month, US dollars.</param>
/// <param name="UsedMw">Percentiles of MW used that month.</param>
/// <param name="IdleMw">Percentiles of MW idle that month.</param>
public sealed record StressMonth(
    Month Month,
    double RevenueMean,
    double UsedMwMean,
    double IdleMwMean,
    Percentiles Revenue,
    Percentiles UsedMw,
    Percentiles IdleMw);
