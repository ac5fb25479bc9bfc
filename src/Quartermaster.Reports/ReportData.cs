using System.Text.Json;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Reports;

/// <summary>
/// The JSON the charts draw from (charts.js reads it): capacity over time, the plan, the stress results.
/// The dashboard's API returns the same shapes, so one chart module serves both.
/// </summary>
public static class ReportData
{
    /// <summary>Serializer settings of the chart data: snake_case names, as charts.js expects.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Tenants in book order, the key to stable colours.</summary>
    public static object Tenants(Book book) => book.Tenants.Select(t => new { t.Id, t.Name }).ToList();

    /// <summary>Online MW and committed MW per tenant, per month.</summary>
    public static object Capacity(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var outlook = CapacityOutlook.Of(book);
        return new
        {
            Months = outlook.Months.Select(m => m.ToString()),
            outlook.OnlineMw,
            CommittedByTenant = outlook.CommittedMwByTenant.Select(t => new { Tenant = t.Key, Mw = t.Value }),
            FirstShortage = outlook.FirstShortage?.ToString(),
        };
    }

    /// <summary>Fill ratio per tenant and month (null when nothing is committed), idle MW per site and month.</summary>
    public static object PlanData(Book book, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        var months = plan.Months;
        var byTenant = plan.Fills.GroupBy(f => (f.TenantId, f.Month))
            .ToDictionary(g => g.Key, g => (Committed: g.Sum(f => f.CommittedMw), Allocated: g.Sum(f => f.AllocatedMw)));
        var idle = plan.Idle.ToLookup(i => i.SiteId);
        return new
        {
            Policy = plan.Policy.ToName(),
            Months = months.Select(m => m.ToString()),
            Fill = book.Tenants.Select(t => new
            {
                Tenant = t.Id,
                Ratio = months.Select(m => byTenant.TryGetValue((t.Id, m), out var v) && v.Committed > 0 ? v.Allocated / v.Committed : (double?)null),
            }),
            IdleBySite = book.Sites.Select(s => new
            {
                Site = s.Id,
                IdleMw = months.Select(m => idle[s.Id].Where(i => i.Month == m).Sum(i => Math.Max(0, i.OnlineMw - i.AllocatedMw))),
            }),
        };
    }

    /// <summary>The payoff histogram, monthly fans and tornado of a stress run.</summary>
    public static object StressData(Book book, StressResult stress, TornadoChart? tornado)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(stress);
        var months = book.Horizon.Months().Select(m => m.ToString()).ToList();
        return new
        {
            stress.Paths,
            stress.Seed,
            Histogram = new { Edges = stress.PayoffHistogram.EdgesUsd, stress.PayoffHistogram.Counts },
            Fans = new
            {
                Revenue = Fan(months, stress.Revenue),
                UsedMw = Fan(months, stress.UsedMw),
                IdleMw = Fan(months, stress.IdleMw),
            },
            Tornado = tornado is null ? null : new
            {
                Base = tornado.BaseMeanPayoffUsd,
                Bars = tornado.Bars.Select(b => new { b.Input, b.Step, Low = b.LowMeanPayoffUsd, High = b.HighMeanPayoffUsd }),
            },
        };
    }

    private static object Fan(IReadOnlyList<string> months, IReadOnlyList<FanBand> bands) => new
    {
        Months = months,
        P5 = bands.Select(b => b.P5),
        P25 = bands.Select(b => b.P25),
        P50 = bands.Select(b => b.P50),
        P75 = bands.Select(b => b.P75),
        P95 = bands.Select(b => b.P95),
    };
}
