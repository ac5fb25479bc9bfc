using Quartermaster.Analysis;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>
/// The book today and with the proposal signed, stressed on common random numbers: each line's payoff statistics in
/// both, and the paired change (signed minus today) of mean, P5, VaR95, CVaR95 and P(loss) with 95% CIs.
/// </summary>
/// <param name="Paths">Futures simulated for each book.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="Old">Payoff statistics today, per line, US dollars.</param>
/// <param name="New">Payoff statistics with the proposal signed, per line, US dollars.</param>
/// <param name="Change">The paired change per line: US dollars, and a fraction for P(loss); VaR and CVaR are losses, so a rise is worse.</param>
public sealed record QuoteRisk(int Paths, ulong Seed, PayoffLineStatistics Old, PayoffLineStatistics New, PayoffLines<RiskChange> Change)
{
    /// <summary>The risk part of <paramref name="quote"/>.</summary>
    public static QuoteRisk Of(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new QuoteRisk(quote.Paths, quote.Seed, PayoffLineStatistics.Of(quote.Old), PayoffLineStatistics.Of(quote.New), quote.Risk);
    }
}
