using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Reports;

/// <summary>
/// The JSON document of a stress run (<c>qm stress --json</c>, and the server's stress results): payoff
/// statistics of the whole book (<c>payoff</c>), the operating book and the stakes, the summary sentences, monthly
/// means and fans, the win-either-way table, concentration, cash flow by year, stakes and warnings. Money in US dollars,
/// power in MW; field names are stable.
/// </summary>
public static class StressDocument
{
    /// <summary>The document of <paramref name="result"/>, a run of <paramref name="book"/>, ready to serialise with snake_case names.</summary>
    public static object Of(StressResult result, Book book)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(book);
        var months = book.Horizon.Months().ToList();
        return new
        {
            result.Paths,
            result.Seed,
            // payoff is the whole book (operating + stakes), as before the two lines were split.
            Payoff = Summary(result.Payoff.Total),
            Operating = Summary(result.Payoff.Operating),
            Stakes = Summary(result.Payoff.Stakes),
            Summary = StressSummary.Sentences(result, book),
            RevenueMean = result.MeanRevenueUsd,
            IdleGwMonthsMean = result.MeanIdleGwMonths,
            result.Utilisation,
            Monthly = months.Select((m, i) => new
            {
                Month = m.ToString(),
                RevenueMean = result.MeanRevenueByMonthUsd[i],
                UsedMwMean = result.MeanUsedMwByMonth[i],
                IdleMwMean = result.MeanIdleMwByMonth[i],
                Revenue = Band(result.Revenue[i]),
                UsedMw = Band(result.UsedMw[i]),
                IdleMw = Band(result.IdleMw[i]),
            }),
            result.RivalryGroups,
            WinEitherWay = result.WinEitherWay.Select(r => new
            {
                Outcome = string.Join(", ", r.Leaders.Select((leader, g) => $"{leader} leads {result.RivalryGroups[g]}")
                    .Append(r.Cooled ? "sector cooled" : "sector booming")),
                r.Leaders,
                r.Cooled,
                r.Paths,
                Share = r.ShareOfPaths,
                PayoffMean = r.Payoff.Total.MeanUsd,
                PLoss = r.Payoff.Total.ProbabilityOfLoss,
                OperatingMean = r.Payoff.Operating.MeanUsd,
                OperatingPLoss = r.Payoff.Operating.ProbabilityOfLoss,
                StakesMean = r.Payoff.Stakes.MeanUsd,
                StakesPLoss = r.Payoff.Stakes.ProbabilityOfLoss,
            }),
            Concentration = new
            {
                RevenueHhi = result.RevenueHhi,
                TopTenant = result.TopTenantId,
                TopTenantShare = result.TopTenantShare,
                Tenants = result.Tenants.Select(t => new { Tenant = t.TenantId, RevenueMean = t.MeanRevenueUsd, t.Share }),
            },
            CashFlow = new
            {
                Years = result.CashFlow.Years.Select(y => new { y.Year, y.Months, Cash = Cash(y.Cash), Cumulative = Cash(y.Cumulative) }),
                Payback = new
                {
                    result.CashFlow.Payback.ProbabilityWithinHorizon,
                    P5 = result.CashFlow.Payback.P5?.ToString(),
                    P50 = result.CashFlow.Payback.P50?.ToString(),
                    P95 = result.CashFlow.Payback.P95?.ToString(),
                },
                Irr = new { result.CashFlow.Irr.ProbabilityDefined, result.CashFlow.Irr.P5, result.CashFlow.Irr.P50, result.CashFlow.Irr.P95 },
            },
            StakeOutcomes = result.Stakes.Select(s => new
            {
                Investment = s.InvestmentId,
                Tenant = s.TenantId,
                Date = s.Date?.ToString(),
                Amount = s.AmountUsd,
                ValuationCap = s.ValuationCapUsd,
                ValueMean = s.MeanValueUsd,
                PCapBinds = s.ProbabilityCapBinds,
            }),
            Costs = new { FacilityCapex = result.Costs.FacilityCapexUsd, ItCapex = result.Costs.ItCapexUsd, Opex = result.Costs.OpexUsd },
            Warnings = result.Warnings.Select(w => new { w.Figure, w.Message }),
        };

        static object Summary(PayoffSummary p) => new
        {
            Mean = p.MeanUsd,
            StandardError = p.StandardErrorUsd,
            Ci95 = new[] { p.Ci95LowUsd, p.Ci95HighUsd },
            P1 = p.P1Usd,
            P5 = p.P5Usd,
            P50 = p.P50Usd,
            P95 = p.P95Usd,
            P99 = p.P99Usd,
            Var95 = p.Var95Usd,
            Cvar95 = p.Cvar95Usd,
            Var99 = p.Var99Usd,
            Cvar99 = p.Cvar99Usd,
            PLoss = p.ProbabilityOfLoss,
        };

        static object Cash(CashBand b) => new { Mean = b.MeanUsd, P5 = b.P5Usd, P50 = b.P50Usd, P95 = b.P95Usd };

        static object Band(FanBand b) => new { b.P5, b.P25, b.P50, b.P75, b.P95 };
    }
}
