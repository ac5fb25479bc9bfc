namespace Quartermaster.Stress;

/// <summary>A paired change B - A of one statistic between two runs on common random numbers, with its 95% confidence interval.</summary>
/// <param name="Change">The statistic of B minus the statistic of A, on all paths.</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval of the change.</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval of the change.</param>
public readonly record struct PairedEstimate(double Change, double Ci95Low, double Ci95High);
