using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Reports;

/// <summary>
/// The JSON document of a stress run (<c>qm stress --json</c>, and the server's stress results): payoff
/// statistics, monthly means and fans, the win-either-way table and concentration. Money in US dollars,
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
        var p = result.Payoff;
        return new
        {
            result.Paths,
            result.Seed,
            Payoff = new
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
            },
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
                PayoffMean = r.MeanPayoffUsd,
                PLoss = r.ProbabilityOfLoss,
            }),
            Concentration = new
            {
                RevenueHhi = result.RevenueHhi,
                TopTenant = result.TopTenantId,
                TopTenantShare = result.TopTenantShare,
                Tenants = result.Tenants.Select(t => new { Tenant = t.TenantId, RevenueMean = t.MeanRevenueUsd, t.Share }),
            },
        };

        static object Band(FanBand b) => new { b.P5, b.P25, b.P50, b.P75, b.P95 };
    }
}
