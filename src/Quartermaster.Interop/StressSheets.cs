using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Interop;

/// <summary>
/// Stress results as sheets: <c>stress_summary</c> (one measure per row, with its unit), <c>stress_percentiles</c>,
/// <c>stress_tenants</c>, <c>stress_months</c> (mean and P5 to P95 bands per month), <c>win_either_way</c> and, when
/// given, <c>tornado</c>. Money is US dollars; payoffs are NPVs over the horizon.
/// </summary>
public static class StressSheets
{
    private static readonly string[] BandNames = ["P5", "P25", "P50", "P75", "P95"];

    /// <summary>The sheets of <paramref name="result"/> for <paramref name="book"/>, with <paramref name="tornado"/> when not null.</summary>
    public static IReadOnlyList<Sheet> Of(Book book, StressResult result, TornadoChart? tornado = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Payoff;
        var measure = PlanSheets.Text("measure");
        var value = new SheetColumn("value", null, ColumnFormat.Mixed);
        var unit = PlanSheets.Text("unit");
        var sheets = new List<Sheet>
        {
            new("stress_summary", [measure, value, unit],
            [
                Measure("futures simulated", result.Paths, "count"),
                Measure("seed", result.Seed <= BookSheets.MaxExactWholeNumber ? Cell.Of(result.Seed) : Cell.Of(result.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), ""),
                Measure("mean payoff", p.MeanUsd, "USD"),
                Measure("standard error of the mean", p.StandardErrorUsd, "USD"),
                Measure("mean payoff, 95% CI low", p.Ci95LowUsd, "USD"),
                Measure("mean payoff, 95% CI high", p.Ci95HighUsd, "USD"),
                Measure("VaR 95% (loss)", p.Var95Usd, "USD"),
                Measure("CVaR 95% (loss)", p.Cvar95Usd, "USD"),
                Measure("VaR 99% (loss)", p.Var99Usd, "USD"),
                Measure("CVaR 99% (loss)", p.Cvar99Usd, "USD"),
                Measure("P(loss)", p.ProbabilityOfLoss, "fraction"),
                Measure("mean revenue over the horizon", result.MeanRevenueUsd, "USD"),
                Measure("mean idle capacity", result.MeanIdleGwMonths, "GW-months"),
                Measure("utilisation (used / online MW-months)", result.Utilisation, "fraction"),
                Measure("revenue HHI over tenants", result.RevenueHhi, "index 0 to 1"),
                Measure("top tenant", Cell.Of(result.TopTenantId), ""),
                Measure("top tenant's share of revenue", result.TopTenantShare, "fraction"),
            ]),
            new("stress_percentiles", [PlanSheets.Text("percentile"), new SheetColumn("payoff", "USD", ColumnFormat.Usd)],
            [
                PlanSheets.Row(Cell.Of("P1"), Cell.Of(p.P1Usd)),
                PlanSheets.Row(Cell.Of("P5"), Cell.Of(p.P5Usd)),
                PlanSheets.Row(Cell.Of("P50"), Cell.Of(p.P50Usd)),
                PlanSheets.Row(Cell.Of("P95"), Cell.Of(p.P95Usd)),
                PlanSheets.Row(Cell.Of("P99"), Cell.Of(p.P99Usd)),
            ]),
            new("stress_tenants", [PlanSheets.Text("tenant"), new SheetColumn("mean revenue", "USD", ColumnFormat.Usd), new SheetColumn("share of revenue", "fraction", ColumnFormat.Fraction)],
                [.. result.Tenants.Select(t => PlanSheets.Row(Cell.Of(t.TenantId), Cell.Of(t.MeanRevenueUsd), Cell.Of(t.Share)))]),
            Months(result),
            WinEitherWay(result),
        };
        if (tornado is not null)
        {
            sheets.Add(new Sheet("tornado",
                [PlanSheets.Text("input"), PlanSheets.Text("step"), Usd("mean payoff, input down"), Usd("mean payoff, input up"), Usd("swing")],
                [.. tornado.Bars.Select(b => PlanSheets.Row(Cell.Of(b.Input), Cell.Of(b.Step), Cell.Of(b.LowMeanPayoffUsd), Cell.Of(b.HighMeanPayoffUsd), Cell.Of(b.SwingUsd)))]));
        }
        return sheets;
    }

    private static Sheet Months(StressResult result)
    {
        var columns = new List<SheetColumn> { PlanSheets.Month("month"), Usd("mean revenue") };
        columns.AddRange(Bands("revenue", "USD", ColumnFormat.Usd));
        columns.Add(PlanSheets.Mw("mean used"));
        columns.AddRange(Bands("used", "MW", ColumnFormat.Megawatts));
        columns.Add(PlanSheets.Mw("mean idle"));
        columns.AddRange(Bands("idle", "MW", ColumnFormat.Megawatts));
        var rows = new List<IReadOnlyList<Cell>>();
        for (var i = 0; i < result.Revenue.Count; i++)
        {
            rows.Add([Cell.Of(result.Revenue[i].Month), Cell.Of(result.MeanRevenueByMonthUsd[i]), .. Band(result.Revenue[i]),
                Cell.Of(result.MeanUsedMwByMonth[i]), .. Band(result.UsedMw[i]), Cell.Of(result.MeanIdleMwByMonth[i]), .. Band(result.IdleMw[i])]);
        }
        return new Sheet("stress_months", columns, rows);

        static IEnumerable<SheetColumn> Bands(string name, string unit, ColumnFormat format) =>
            BandNames.Select(p => new SheetColumn($"{name} {p}", unit, format));

        static Cell[] Band(FanBand b) => [Cell.Of(b.P5), Cell.Of(b.P25), Cell.Of(b.P50), Cell.Of(b.P75), Cell.Of(b.P95)];
    }

    private static Sheet WinEitherWay(StressResult result)
    {
        var columns = result.RivalryGroups.Select(g => PlanSheets.Text("leader of " + g)).ToList();
        columns.AddRange([PlanSheets.Text("sector"), new SheetColumn("futures", "count", ColumnFormat.WholeNumber),
            new SheetColumn("share of futures", "fraction", ColumnFormat.Fraction), Usd("mean payoff"), new SheetColumn("P(loss)", "fraction", ColumnFormat.Fraction)]);
        return new Sheet("win_either_way", columns, [.. result.WinEitherWay.Select(r => (IReadOnlyList<Cell>)
            [.. r.Leaders.Select(Cell.Of), Cell.Of(r.Cooled ? "cooled" : "booming"), Cell.Of(r.Paths), Cell.Of(r.ShareOfPaths), Cell.Of(r.MeanPayoffUsd), Cell.Of(r.ProbabilityOfLoss)])]);
    }

    private static SheetColumn Usd(string name) => new(name, "USD", ColumnFormat.Usd);

    private static Cell[] Measure(string name, double value, string unit) => Measure(name, Cell.Of(value), unit);

    private static Cell[] Measure(string name, Cell value, string unit) => [Cell.Of(name), value, Cell.Of(unit)];
}
