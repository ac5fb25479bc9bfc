using System.Text.Json.Serialization;
using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm stress BOOK --json</c>, and the summary of the server's stress runs: the payoff distribution, monthly
/// means and percentile bands, the win-either-way table and concentration. Money in US dollars (payoff: NPV per
/// path), power in MW.
/// </summary>
/// <param name="Paths">Number of simulated futures.</param>
/// <param name="Seed">Seed of the random streams; the same book, seed and paths give the same document.</param>
/// <param name="Payoff">Statistics of the whole book's payoff per path (operating book plus stakes, NPV), US dollars.</param>
/// <param name="Operating">Statistics of the operating book's payoff per path (contracts: revenue minus opex and capex, discounted), US dollars.</param>
/// <param name="Stakes">Statistics of the stakes' payoff per path (equity at the horizon, discounted, minus each investment at its date), US dollars.</param>
/// <param name="Summary">The run in a few sentences, each true of the tables in this document, operating book first.</param>
/// <param name="RevenueMean">Mean revenue over the horizon, undiscounted, recoveries included, US dollars.</param>
/// <param name="IdleGwMonthsMean">Mean over paths of idle GW summed over months (online minus used), GW-months.</param>
/// <param name="Utilisation">Expected used MW-months divided by online MW-months, 0 to 1.</param>
/// <param name="Monthly">One row per horizon month, in order.</param>
/// <param name="RivalryGroupIds">Ids of the rivalry groups with two or more tenants: the order of <c>leader_ids</c> in each win-either-way row.</param>
/// <param name="WinEitherWay">Payoff by horizon outcome (who leads each rivalry group; sector cooled or not), one row per outcome that occurred.</param>
/// <param name="Concentration">How concentrated expected revenue is across tenants.</param>
/// <param name="CashFlow">The operating book's cash by calendar year, its payback month and its IRR, across paths.</param>
/// <param name="StakeOutcomes">One row per investment: its amount, valuation cap and value at the horizon.</param>
/// <param name="Costs">The operating book's costs over the horizon and its residual value at the end, present values in US dollars.</param>
/// <param name="Warnings">Figures whose Monte Carlo error is large for their use, with what to do about it.</param>
public sealed record StressDocument(
    int Paths,
    ulong Seed,
    PayoffStatistics Payoff,
    PayoffStatistics Operating,
    PayoffStatistics Stakes,
    IReadOnlyList<string> Summary,
    double RevenueMean,
    double IdleGwMonthsMean,
    double Utilisation,
    IReadOnlyList<StressMonth> Monthly,
    IReadOnlyList<string> RivalryGroupIds,
    IReadOnlyList<OutcomeRow> WinEitherWay,
    RevenueConcentration Concentration,
    CashFlowDocument CashFlow,
    IReadOnlyList<StakeOutcomeRow> StakeOutcomes,
    CostsDocument Costs,
    IReadOnlyList<StressWarning> Warnings) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 2;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="result"/>, a run of <paramref name="book"/>.</summary>
    public static StressDocument Of(StressResult result, Book book)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(book);
        var months = book.Horizon.Months().ToList();
        return new StressDocument(
            result.Paths,
            result.Seed,
            PayoffStatistics.Of(result.Payoff.Total),
            PayoffStatistics.Of(result.Payoff.Operating),
            PayoffStatistics.Of(result.Payoff.Stakes),
            StressSummary.Sentences(result, book),
            result.MeanRevenueUsd,
            result.MeanIdleGwMonths,
            result.Utilisation,
            [.. months.Select((m, i) => new StressMonth(m, result.MeanRevenueByMonthUsd[i], result.MeanUsedMwByMonth[i], result.MeanIdleMwByMonth[i],
                Percentiles.Of(result.Revenue[i]), Percentiles.Of(result.UsedMw[i]), Percentiles.Of(result.IdleMw[i])))],
            result.RivalryGroups,
            [.. result.WinEitherWay.Select(r => OutcomeRow.Of(r, result.RivalryGroups))],
            new RevenueConcentration(result.RevenueHhi, result.TopTenantId, result.TopTenantShare,
                [.. result.Tenants.Select(t => new TenantRevenueMean(t.TenantId, t.MeanRevenueUsd, t.Share))]),
            CashFlowDocument.Of(result.CashFlow),
            [.. result.Stakes.Select(StakeOutcomeRow.Of)],
            new CostsDocument(result.Costs.FacilityCapexUsd, result.Costs.ItCapexUsd, result.Costs.OpexUsd, result.Costs.ResidualValueUsd),
            [.. result.Warnings.Select(w => new StressWarning(w.Figure, w.Message))]);
    }
}
