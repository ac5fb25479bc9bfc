namespace Quartermaster.Stress;

/// <summary>
/// How one payoff line's risk moves from book A to book B on common random numbers: mean, P5, VaR95 and CVaR95 in
/// US dollars (VaR and CVaR as losses, so a rise is worse), and P(loss) as a fraction, each with a paired 95% CI.
/// </summary>
/// <remarks>
/// The CIs of the mean and of P(loss) come from the path-by-path differences (normal interval). Quantiles are not
/// means, so the CIs of P5, VaR95 and CVaR95 come from sectioning: the paths are cut into
/// <see cref="RiskChanges.Sections"/> consecutive sections, the change is measured in each, and the interval is the
/// full-sample change plus or minus Student's t times the sections' standard error. Sections follow path order, so the
/// interval is as reproducible as the run.
/// </remarks>
/// <param name="Mean">Change of mean payoff.</param>
/// <param name="P5">Change of the 5th percentile of payoff.</param>
/// <param name="Var95">Change of VaR95 (the loss exceeded on 5% of paths).</param>
/// <param name="Cvar95">Change of CVaR95 (the mean loss on the worst 5% of paths).</param>
/// <param name="ProbabilityOfLoss">Change of the fraction of paths with a negative payoff.</param>
public sealed record RiskChange(PairedEstimate Mean, PairedEstimate P5, PairedEstimate Var95, PairedEstimate Cvar95, PairedEstimate ProbabilityOfLoss);
