using System.Globalization;
using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Interop;

/// <summary>
/// Stress results as sheets: <c>stress_summary</c> (one run-wide measure per row, with its unit), <c>stress_payoff</c>
/// (mean, confidence interval, percentiles, VaR, CVaR and P(loss) for the operating book, the stakes and the total),
/// <c>stress_cash_by_year</c> (the operating book's undiscounted cash by calendar year), <c>stress_stakes</c>,
/// <c>stress_tenants</c>, <c>stress_months</c> (mean and P5 to P95 bands per month), <c>win_either_way</c> and, when
/// given, <c>tornado</c>. Money is US dollars; payoffs are NPVs over the horizon.
/// </summary>
public static class StressSheets
{
    private static readonly string[] BandNames = ["P5", "P25", "P50", "P75", "P95"];

    private static readonly (PayoffLine Line, string Name)[] Lines =
        [(PayoffLine.Operating, "operating"), (PayoffLine.Stakes, "stakes"), (PayoffLine.Total, "total")];

    /// <summary>The sheets of <paramref name="result"/> for <paramref name="book"/>, with <paramref name="tornado"/> when not null.</summary>
    public static IReadOnlyList<Sheet> Of(Book book, StressResult result, TornadoChart? tornado = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(result);
        var sheets = new List<Sheet>
        {
            Summary(result),
            Payoff(result),
            CashByYear(result),
            Stakes(result),
            new("stress_tenants", [PlanSheets.Text("tenant"), Usd("mean revenue"), Fraction("share of revenue")],
                [.. result.Tenants.Select(t => PlanSheets.Row(Cell.Of(t.TenantId), Cell.Of(t.MeanRevenueUsd), Cell.Of(t.Share)))]),
            Months(result),
            WinEitherWay(result),
        };
        if (tornado is not null)
        {
            sheets.Add(Tornado(tornado));
        }
        return sheets;
    }

    private static Sheet Summary(StressResult result)
    {
        var cash = result.CashFlow;
        var rows = new List<IReadOnlyList<Cell>>
        {
            Measure("futures simulated", result.Paths, "count"),
            Measure("seed", result.Seed <= BookSheets.MaxExactWholeNumber ? Cell.Of(result.Seed) : Cell.Of(result.Seed.ToString(CultureInfo.InvariantCulture)), ""),
            Measure("mean payoff, operating book", result.Payoff.Operating.MeanUsd, "USD"),
            Measure("mean payoff, stakes", result.Payoff.Stakes.MeanUsd, "USD"),
            Measure("mean payoff, total", result.Payoff.Total.MeanUsd, "USD"),
            Measure("P(loss), total", result.Payoff.Total.ProbabilityOfLoss, "fraction"),
            Measure("mean revenue over the horizon", result.MeanRevenueUsd, "USD"),
            Measure("mean idle capacity", result.MeanIdleGwMonths, "GW-months"),
            Measure("utilisation (used / online MW-months)", result.Utilisation, "fraction"),
            Measure("revenue HHI over tenants", result.RevenueHhi, "index 0 to 1"),
            Measure("top tenant", Cell.Of(result.TopTenantId), ""),
            Measure("top tenant's share of revenue", result.TopTenantShare, "fraction"),
            Measure("facility capex (present value)", result.Costs.FacilityCapexUsd, "USD"),
            Measure("IT capex (present value)", result.Costs.ItCapexUsd, "USD"),
            Measure("opex (present value)", result.Costs.OpexUsd, "USD"),
            Measure("residual value at the horizon (present value)", result.Costs.ResidualValueUsd, "USD"),
            Measure("P(operating book pays back within the horizon)", cash.Payback.ProbabilityWithinHorizon, "fraction"),
            Measure("payback month, P5", Cell.Of(cash.Payback.P5), "month (empty: beyond the horizon)"),
            Measure("payback month, P50", Cell.Of(cash.Payback.P50), "month (empty: beyond the horizon)"),
            Measure("payback month, P95", Cell.Of(cash.Payback.P95), "month (empty: beyond the horizon)"),
            Measure("P(operating IRR defined)", cash.Irr.ProbabilityDefined, "fraction"),
            Measure("operating IRR, P5", Cell.Of(cash.Irr.P5), "fraction per year"),
            Measure("operating IRR, P50", Cell.Of(cash.Irr.P50), "fraction per year"),
            Measure("operating IRR, P95", Cell.Of(cash.Irr.P95), "fraction per year"),
        };
        rows.AddRange(result.Warnings.Select(w => Measure("warning: " + w.Figure, Cell.Of(w.Message), "")));
        return new Sheet("stress_summary", [PlanSheets.Text("measure"), new SheetColumn("value", null, ColumnFormat.Mixed), PlanSheets.Text("unit")], rows);
    }

    /// <summary>One row per payoff line, so that every column holds one statistic in one unit.</summary>
    private static Sheet Payoff(StressResult result)
    {
        SheetColumn[] columns =
        [
            PlanSheets.Text("line"), Usd("mean"), Usd("standard error"), Usd("mean 95% CI low"), Usd("mean 95% CI high"),
            Usd("P1"), Usd("P5"), Usd("P50"), Usd("P95"), Usd("P99"),
            Usd("VaR 95% (loss)"), Usd("CVaR 95% (loss)"), Usd("VaR 99% (loss)"), Usd("CVaR 99% (loss)"), Fraction("P(loss)"),
        ];
        return new Sheet("stress_payoff", columns, [.. Lines.Select(l =>
        {
            var p = result.Payoff[l.Line];
            return (IReadOnlyList<Cell>)[Cell.Of(l.Name), Cell.Of(p.MeanUsd), Cell.Of(p.StandardErrorUsd), Cell.Of(p.Ci95LowUsd), Cell.Of(p.Ci95HighUsd),
                Cell.Of(p.P1Usd), Cell.Of(p.P5Usd), Cell.Of(p.P50Usd), Cell.Of(p.P95Usd), Cell.Of(p.P99Usd),
                Cell.Of(p.Var95Usd), Cell.Of(p.Cvar95Usd), Cell.Of(p.Var99Usd), Cell.Of(p.Cvar99Usd), Cell.Of(p.ProbabilityOfLoss)];
        })]);
    }

    private static Sheet CashByYear(StressResult result)
    {
        SheetColumn[] columns =
        [
            new("year", null, ColumnFormat.Date), new("months in the horizon", "count", ColumnFormat.WholeNumber),
            Usd("cash mean"), Usd("cash P5"), Usd("cash P50"), Usd("cash P95"),
            Usd("cumulative mean"), Usd("cumulative P5"), Usd("cumulative P50"), Usd("cumulative P95"),
        ];
        return new Sheet("stress_cash_by_year", columns, [.. result.CashFlow.Years.Select(y => (IReadOnlyList<Cell>)
            [Cell.OfYear(y.Year), Cell.Of(y.Months), .. Band(y.Cash), .. Band(y.Cumulative)])]);

        static Cell[] Band(CashBand b) => [Cell.Of(b.MeanUsd), Cell.Of(b.P5Usd), Cell.Of(b.P50Usd), Cell.Of(b.P95Usd)];
    }

    private static Sheet Stakes(StressResult result) => new("stress_stakes",
        [PlanSheets.Text("investment"), PlanSheets.Text("tenant"), PlanSheets.Month("date"), Usd("amount"), Usd("valuation cap"),
            Usd("mean value at the horizon"), Fraction("P(cap binds)")],
        [.. result.Stakes.Select(s => PlanSheets.Row(Cell.Of(s.InvestmentId), Cell.Of(s.TenantId), Cell.Of(s.Date), Cell.Of(s.AmountUsd),
            Cell.Of(s.ValuationCapUsd), Cell.Of(s.MeanValueUsd), Cell.Of(s.ProbabilityCapBinds)))]);

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
        columns.AddRange([PlanSheets.Text("sector"), new SheetColumn("futures", "count", ColumnFormat.WholeNumber), Fraction("share of futures")]);
        columns.AddRange(Lines.SelectMany(l => new[] { Usd($"{l.Name} mean payoff"), Fraction($"{l.Name} P(loss)") }));
        return new Sheet("win_either_way", columns, [.. result.WinEitherWay.Select(r => (IReadOnlyList<Cell>)
        [
            .. r.Leaders.Select(Cell.Of), Cell.Of(r.Cooled ? "cooled" : "booming"), Cell.Of(r.Paths), Cell.Of(r.ShareOfPaths),
            .. Lines.SelectMany(l => new[] { Cell.Of(r.Payoff[l.Line].MeanUsd), Cell.Of(r.Payoff[l.Line].ProbabilityOfLoss) }),
        ])]);
    }

    /// <summary>The tornado's bars, ranked by the total's swing; every figure in the unit of the chart's metric.</summary>
    private static Sheet Tornado(TornadoChart tornado)
    {
        var (metric, unit, format) = tornado.Metric switch
        {
            TornadoMetric.ProbabilityOfLoss => ("P(loss)", "fraction", ColumnFormat.Fraction),
            TornadoMetric.Var95 => ("VaR 95%", "USD", ColumnFormat.Usd),
            _ => ("mean payoff", "USD", ColumnFormat.Usd),
        };
        var columns = new List<SheetColumn> { PlanSheets.Text("input"), PlanSheets.Text("label"), PlanSheets.Text("step") };
        columns.AddRange(Lines.SelectMany(l => new SheetColumn[]
        {
            new($"{l.Name} {metric}, input down", unit, format), new($"{l.Name} {metric}, input up", unit, format), new($"{l.Name} swing", unit, format),
        }));
        return new Sheet("tornado", columns, [.. tornado.Bars.Select(b => (IReadOnlyList<Cell>)
        [
            Cell.Of(b.Input), Cell.Of(b.Label), Cell.Of(b.Step),
            .. Lines.SelectMany(l => new[] { Cell.Of(b.Effect[l.Line].Low), Cell.Of(b.Effect[l.Line].High), Cell.Of(b.Effect[l.Line].Swing) }),
        ])]);
    }

    private static SheetColumn Usd(string name) => new(name, "USD", ColumnFormat.Usd);

    private static SheetColumn Fraction(string name) => new(name, "fraction", ColumnFormat.Fraction);

    private static Cell[] Measure(string name, double value, string unit) => Measure(name, Cell.Of(value), unit);

    private static Cell[] Measure(string name, Cell value, string unit) => [Cell.Of(name), value, Cell.Of(unit)];
}
