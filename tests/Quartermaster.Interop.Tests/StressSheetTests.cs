using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Interop.Tests;

/// <summary>The stress sheets of a small run of the example: the operating book, the stakes and the total side by side, cash by year, the tornado.</summary>
public sealed class StressSheetTests
{
    private static readonly Book Book = Repository.ExampleBook();

    private static readonly StressResult Result = StressEngine.Run(
        PlannedCapacity.ToStressInput(Book, new Planning.FlowPlanner().Allocate(Book, Book.Scenario.Policy)), new StressOptions(Paths: 300));

    private static Sheet SheetNamed(IReadOnlyList<Sheet> sheets, string name) => Assert.Single(sheets, s => s.Name == name);

    [Fact]
    public void The_payoff_sheet_has_one_row_per_line_with_every_statistic_of_that_line()
    {
        var sheet = SheetNamed(StressSheets.Of(Book, Result), "stress_payoff");
        Assert.Equal(["line", "mean (USD)", "standard error (USD)", "mean 95% CI low (USD)", "mean 95% CI high (USD)", "P1 (USD)", "P5 (USD)", "P50 (USD)",
            "P95 (USD)", "P99 (USD)", "VaR 95% (loss) (USD)", "CVaR 95% (loss) (USD)", "VaR 99% (loss) (USD)", "CVaR 99% (loss) (USD)", "P(loss) (fraction)"],
            sheet.Columns.Select(c => c.Header));
        Assert.Equal(["operating", "stakes", "total"], sheet.Rows.Select(r => r[0].TextValue));
        foreach (var (row, line) in sheet.Rows.Zip(PayoffLines<PayoffSummary>.All))
        {
            var p = Result.Payoff[line];
            Assert.Equal([p.MeanUsd, p.StandardErrorUsd, p.Ci95LowUsd, p.Ci95HighUsd, p.P1Usd, p.P5Usd, p.P50Usd, p.P95Usd, p.P99Usd,
                p.Var95Usd, p.Cvar95Usd, p.Var99Usd, p.Cvar99Usd, p.ProbabilityOfLoss], row.Skip(1).Select(c => c.NumberValue));
            Assert.All(row.Skip(1), c => Assert.Equal(CellKind.Number, c.Kind));
        }
    }

    [Fact]
    public void Cash_by_year_has_a_row_per_calendar_year_of_the_horizon_and_ends_on_the_cumulative_cash()
    {
        var sheet = SheetNamed(StressSheets.Of(Book, Result), "stress_cash_by_year");
        // The example's horizon is 2026-01 to 2035-12: ten whole years.
        Assert.Equal(Enumerable.Range(2026, 10).Select(y => new DateOnly(y, 1, 1)), sheet.Rows.Select(r => r[0].DateValue));
        Assert.All(sheet.Rows, r => Assert.Equal((CellKind.Year, 12.0), (r[0].Kind, r[1].NumberValue)));
        var years = Result.CashFlow.Years;
        Assert.Equal(years.Select(y => y.Cash.MeanUsd), sheet.Rows.Select(r => r[2].NumberValue));
        // The mean is exact, so the last cumulative mean is the sum of the yearly means (to rounding).
        Assert.Equal(years.Sum(y => y.Cash.MeanUsd), sheet.Rows[^1][6].NumberValue, Math.Abs(sheet.Rows[^1][6].NumberValue) * 1e-9);
    }

    [Fact]
    public void Win_either_way_gives_mean_and_chance_of_loss_for_each_line()
    {
        var sheet = SheetNamed(StressSheets.Of(Book, Result), "win_either_way");
        Assert.Equal(["leader of frontier", "sector", "futures (count)", "share of futures (fraction)",
            "operating mean payoff (USD)", "operating P(loss) (fraction)", "stakes mean payoff (USD)", "stakes P(loss) (fraction)",
            "total mean payoff (USD)", "total P(loss) (fraction)"], sheet.Columns.Select(c => c.Header));
        Assert.Equal(Result.Paths, sheet.Rows.Sum(r => r[2].NumberValue));
        Assert.Equal(Result.WinEitherWay.Select(r => r.Payoff.Stakes.MeanUsd), sheet.Rows.Select(r => r[6].NumberValue));
    }

    [Fact]
    public void A_tornado_on_the_chance_of_loss_is_in_fractions_and_one_on_the_mean_in_dollars()
    {
        var swing = new PayoffLines<TornadoSwing>(new TornadoSwing(0.1, 0.3, 0.2), new TornadoSwing(0.2, 0.2, 0), new TornadoSwing(0.15, 0.25, 0.1));
        var bar = new TornadoBar("boom.growth", "Sector growth while booming", "±5 pp/yr", swing);
        var lossChart = new TornadoChart(TornadoMetric.ProbabilityOfLoss, new PayoffLines<double>(0.2, 0.2, 0.2), 300, ValueList.Of(bar));
        var loss = SheetNamed(StressSheets.Of(Book, Result, lossChart), "tornado");
        Assert.Equal(["input", "label", "step", "operating P(loss), input down (fraction)", "operating P(loss), input up (fraction)", "operating swing (fraction)",
            "stakes P(loss), input down (fraction)", "stakes P(loss), input up (fraction)", "stakes swing (fraction)",
            "total P(loss), input down (fraction)", "total P(loss), input up (fraction)", "total swing (fraction)"], loss.Columns.Select(c => c.Header));
        Assert.Equal([0.1, 0.3, 0.2, 0.2, 0.2, 0, 0.15, 0.25, 0.1], Assert.Single(loss.Rows).Skip(3).Select(c => c.NumberValue));
        Assert.All(loss.Columns.Skip(3), c => Assert.Equal(ColumnFormat.Fraction, c.Format));

        var mean = SheetNamed(StressSheets.Of(Book, Result, lossChart with { Metric = TornadoMetric.Mean }), "tornado");
        Assert.Equal("total mean payoff, input up (USD)", mean.Columns[10].Header);
        Assert.All(mean.Columns.Skip(3), c => Assert.Equal(ColumnFormat.Usd, c.Format));
    }

    [Fact]
    public void Stress_sheets_are_written_after_the_plan_and_are_ignored_on_import()
    {
        var plan = new Planning.FlowPlanner().Allocate(Book, Book.Scenario.Policy);
        var workbook = WorkbookExport.Of(Book, plan, Result);
        Assert.Equal(["stress_summary", "stress_payoff", "stress_cash_by_year", "stress_stakes", "stress_tenants", "stress_months", "win_either_way"],
            workbook.Sheets.Select(s => s.Name).SkipWhile(n => !n.StartsWith("stress", StringComparison.Ordinal)));
        var imported = BookImport.Read(Repository.ThroughXlsx(workbook), "export.xlsx");
        Assert.True(imported.IsValid, string.Join("\n", imported.Errors));
        Assert.Equal(Book, imported.Book);
    }
}
