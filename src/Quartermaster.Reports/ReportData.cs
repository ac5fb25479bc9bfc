using System.Text.Json;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;
using Quartermaster.Watch;

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
        ArgumentNullException.ThrowIfNull(plan);
        return PlanData(book, plan.Policy.ToName(),
            plan.Fills.Select(f => new TenantMonthFill(f.Month, f.TenantId, f.CommittedMw, f.AllocatedMw)),
            plan.Idle.Select(i => new SiteMonthLoad(i.Month, i.SiteId, i.AllocatedMw)));
    }

    /// <summary>
    /// The same chart data from plan rows as a store keeps them (the dashboard's source): committed and
    /// allocated MW per tenant and month, allocated MW per site and month; online MW comes from the book.
    /// </summary>
    public static object PlanData(Book book, string policy, IEnumerable<TenantMonthFill> fills, IEnumerable<SiteMonthLoad> siteLoads)
    {
        ArgumentNullException.ThrowIfNull(book);
        var months = book.Horizon.Months().ToList();
        var byTenant = fills.GroupBy(f => (f.TenantId, f.Month))
            .ToDictionary(g => g.Key, g => (Committed: g.Sum(f => f.CommittedMw), Allocated: g.Sum(f => f.AllocatedMw)));
        var allocated = siteLoads.GroupBy(l => (l.SiteId, l.Month)).ToDictionary(g => g.Key, g => g.Sum(l => l.AllocatedMw));
        return new
        {
            Policy = policy,
            Months = months.Select(m => m.ToString()),
            Fill = book.Tenants.Select(t => new
            {
                Tenant = t.Id,
                Ratio = months.Select(m => byTenant.TryGetValue((t.Id, m), out var v) && v.Committed > 0 ? v.Allocated / v.Committed : (double?)null),
            }),
            IdleBySite = book.Sites.Select(s => new
            {
                Site = s.Id,
                IdleMw = months.Select(m => Math.Max(0, s.OnlineMw(m) - allocated.GetValueOrDefault((s.Id, m)))),
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
            Histogram = new { Edges = stress.PayoffHistogram.Total.EdgesUsd, stress.PayoffHistogram.Total.Counts },
            Fans = new
            {
                Revenue = Fan(months, stress.Revenue),
                UsedMw = Fan(months, stress.UsedMw),
                IdleMw = Fan(months, stress.IdleMw),
            },
            Tornado = tornado is null ? null : new
            {
                Base = tornado.Base.Total,
                Bars = tornado.Bars.Select(b => new { Input = b.Label, b.Step, Low = b.Effect.Total.Low, High = b.Effect.Total.High }),
            },
        };
    }

    /// <summary>
    /// The deals charts: the timeline as every month from the first deal to the last (so the axis keeps time to
    /// scale) with one step series per provider (cumulative GW and cumulative dollars, equity included), and the
    /// market map as nodes and edges with the marks drawn from.
    /// </summary>
    public static object DealsData(DealsOverview deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var dealMonths = deals.Timeline.Months;
        IReadOnlyList<Month> months = dealMonths.Count == 0 ? []
            : [.. Enumerable.Range(0, dealMonths[^1].MonthsSince(dealMonths[0]) + 1).Select(dealMonths[0].Plus)];
        var map = deals.Map;
        return new
        {
            Timeline = new
            {
                Months = months.Select(m => m.ToString()),
                Series = deals.Timeline.Series.Select(s => new
                {
                    Name = s.Key,
                    CumulativeGw = Cumulative(months, s, p => p.CumulativeGw),
                    CumulativeUsd = Cumulative(months, s, p => p.CumulativeUsd),
                }),
                Undated = deals.Timeline.Undated.Select(d => d.Id),
            },
            Map = new
            {
                Nodes = map.Nodes.Select(n =>
                {
                    var edges = map.Edges.Where(e => e.Provider == n.Name || e.Lab == n.Name).ToList();
                    return new
                    {
                        n.Name,
                        Kind = n.IsProvider ? (n.IsLab ? "both" : "provider") : "lab",
                        n.SuppliesRivals,
                        Gw = edges.Sum(e => e.Gw),
                        Usd = edges.Sum(e => e.Usd),
                    };
                }),
                Edges = map.Edges.Select(e => new
                {
                    Source = e.Provider,
                    Target = e.Lab,
                    e.Gw,
                    e.SupplyUsd,
                    e.EquityUsd,
                    Kind = e.Supplies ? (e.Invests ? "both" : "supply") : "equity",
                    e.PaidTwice,
                    Deals = e.DealIds,
                }),
                RivalSuppliers = map.RivalSuppliers,
                Groups = map.Groups.Select(g => new { g.Id, g.Name, g.Labs }),
            },
        };
    }

    /// <summary>A step series read at every month of the timeline: 0 before its first point, then its last value so far.</summary>
    private static List<double> Cumulative(IReadOnlyList<Month> months, TimelineSeries series, Func<TimelinePoint, double> value)
    {
        var values = new List<double>(months.Count);
        var next = 0;
        var current = 0.0;
        foreach (var month in months)
        {
            while (next < series.Points.Count && series.Points[next].Month <= month)
            {
                current = value(series.Points[next++]);
            }
            values.Add(current);
        }
        return values;
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
