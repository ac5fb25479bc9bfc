using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Stress;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary>Prints stress results: tables for people, the documented JSON for programs (money in US dollars, power in MW).</summary>
internal static class StressOutput
{
    public static void WriteResult(CliContext context, StressResult result, Book book, bool json)
    {
        if (json)
        {
            Json.Write(context, StressDocument.Of(result, book));
            return;
        }
        var console = context.Out;
        console.MarkupLine($"[bold]{Markup.Escape(book.Id)}[/]: {result.Paths:N0} futures, seed {result.Seed}, {book.Horizon.Start} to {book.Horizon.End}");
        foreach (var sentence in StressSummary.Sentences(result, book))
        {
            console.WriteLine(sentence);
        }
        console.WriteLine();
        var payoff = new Table().Title("Payoff (NPV, USD)").AddColumns("line", "mean", "P1", "P5", "P50", "P95", "P99", "VaR95", "CVaR95", "VaR99", "CVaR99", "P(loss)");
        foreach (var line in PayoffLines<PayoffSummary>.All)
        {
            var p = result.Payoff[line];
            payoff.AddRow(LineName(line), Money(p.MeanUsd), Money(p.P1Usd), Money(p.P5Usd), Money(p.P50Usd), Money(p.P95Usd), Money(p.P99Usd),
                Money(p.Var95Usd), Money(p.Cvar95Usd), Money(p.Var99Usd), Money(p.Cvar99Usd), Percent(p.ProbabilityOfLoss));
        }
        console.Write(payoff);

        var wins = new Table().Title("Win either way: payoff by horizon outcome");
        foreach (var group in result.RivalryGroups)
        {
            wins.AddColumn($"leader of {Markup.Escape(book.RivalryGroups.FirstOrDefault(g => g.Id == group)?.Name ?? group)}");
        }
        wins.AddColumn("sector").AddColumn(new TableColumn("share of futures").RightAligned())
            .AddColumn(new TableColumn("operating mean").RightAligned()).AddColumn(new TableColumn("operating P(loss)").RightAligned())
            .AddColumn(new TableColumn("total mean").RightAligned()).AddColumn(new TableColumn("total P(loss)").RightAligned());
        foreach (var row in result.WinEitherWay)
        {
            wins.AddRow([.. row.Leaders.Select(id => Markup.Escape(book.Tenants.FirstOrDefault(t => t.Id == id)?.Name ?? id)), row.Cooled ? "cooled" : "booming",
                Percent(row.ShareOfPaths), Money(row.Payoff.Operating.MeanUsd), Percent(row.Payoff.Operating.ProbabilityOfLoss),
                Money(row.Payoff.Total.MeanUsd), Percent(row.Payoff.Total.ProbabilityOfLoss)]);
        }
        console.Write(wins);

        var cash = new Table().Title("Operating cash by calendar year (undiscounted, USD)").AddColumns("year", "mean", "P5", "P50", "P95", "cumulative P5", "cumulative P50", "cumulative P95");
        foreach (var year in result.CashFlow.Years)
        {
            cash.AddRow(year.Year.ToString(CultureInfo.InvariantCulture), Money(year.Cash.MeanUsd), Money(year.Cash.P5Usd), Money(year.Cash.P50Usd), Money(year.Cash.P95Usd),
                Money(year.Cumulative.P5Usd), Money(year.Cumulative.P50Usd), Money(year.Cumulative.P95Usd));
        }
        console.Write(cash);

        var costs = new Table().Title("Operating costs and residual value (discounted, USD)").AddColumns("item", "present value");
        costs.AddRow("facility capex", Money(result.Costs.FacilityCapexUsd));
        costs.AddRow("IT capex", Money(result.Costs.ItCapexUsd));
        costs.AddRow("opex", Money(result.Costs.OpexUsd));
        costs.AddRow("residual value at the horizon (not cash)", Money(result.Costs.ResidualValueUsd));
        console.Write(costs);

        var other = new Table().Title("Revenue, idle capacity and concentration").AddColumns("measure", "value");
        other.AddRow("mean revenue over the horizon", Money(result.MeanRevenueUsd));
        other.AddRow("mean idle capacity", $"{result.MeanIdleGwMonths:N1} GW-months");
        other.AddRow("utilisation (used / online MW-months)", result.Utilisation.ToString("P1", CultureInfo.InvariantCulture));
        other.AddRow("revenue HHI over tenants", result.RevenueHhi.ToString("0.000", CultureInfo.InvariantCulture));
        other.AddRow("top tenant's share of revenue", $"{Markup.Escape(result.TopTenantId ?? "-")} {result.TopTenantShare:P1}");
        console.Write(other);
    }

    public static void WriteComparison(CliContext context, StressComparison comparison, (Book Book, string Label) a, (Book Book, string Label) b, bool json)
    {
        if (json)
        {
            Json.Write(context, StressComparisonDocument.Of(comparison, a.Book, b.Book));
            return;
        }
        var table = new Table().Title($"{Markup.Escape(b.Label)} minus {Markup.Escape(a.Label)}, on common random numbers ({comparison.A.Paths:N0} futures)")
            .AddColumns("line", $"mean {Markup.Escape(a.Label)}", $"mean {Markup.Escape(b.Label)}", "paired difference (95% CI)", $"{Markup.Escape(b.Label)} better",
                $"P5 {Markup.Escape(a.Label)}", $"P5 {Markup.Escape(b.Label)}", $"P(loss) {Markup.Escape(a.Label)}", $"P(loss) {Markup.Escape(b.Label)}");
        foreach (var line in PayoffLines<PayoffSummary>.All)
        {
            var (pa, pb, d) = (comparison.A.Payoff[line], comparison.B.Payoff[line], comparison.Difference[line]);
            table.AddRow(LineName(line), Money(pa.MeanUsd), Money(pb.MeanUsd), $"{Money(d.MeanUsd)} ({Money(d.Ci95LowUsd)} to {Money(d.Ci95HighUsd)})",
                Percent(d.ProbabilityBBetter), Money(pa.P5Usd), Money(pb.P5Usd), Percent(pa.ProbabilityOfLoss), Percent(pb.ProbabilityOfLoss));
        }
        context.Out.Write(table);
        var total = comparison.Difference.Total;
        context.Out.MarkupLine($"Paired difference of mean payoff: {Money(total.MeanUsd)} "
            + $"(95% CI {Money(total.Ci95LowUsd)} to {Money(total.Ci95HighUsd)}); "
            + $"{Markup.Escape(b.Label)} does better in {Percent(total.ProbabilityBBetter)} of futures.");
    }

    public static void WriteTornado(CliContext context, TornadoChart chart, Book book, bool json)
    {
        if (json)
        {
            Json.Write(context, TornadoDocument.Of(chart));
            return;
        }
        var format = chart.Metric == TornadoMetric.ProbabilityOfLoss ? (Func<double, string>)Percent : Money;
        var table = new Table().Title($"Tornado: effect on {MetricName(chart.Metric)} of {Markup.Escape(book.Id)} "
                + $"(operating {format(chart.Base.Operating)}, total {format(chart.Base.Total)}; {chart.Paths:N0} futures each)")
            .AddColumns("input", "step", "operating low", "operating high", "operating swing", "total low", "total high", "total swing");
        foreach (var bar in chart.Bars)
        {
            var (o, t) = (bar.Effect.Operating, bar.Effect.Total);
            table.AddRow(Markup.Escape(bar.Label), Markup.Escape(bar.Step), format(o.Low), format(o.High), format(o.Swing), format(t.Low), format(t.High), format(t.Swing));
        }
        context.Out.Write(table);
    }

    private static string MetricName(TornadoMetric metric) => metric switch
    {
        TornadoMetric.ProbabilityOfLoss => "chance of loss",
        TornadoMetric.Var95 => "VaR95",
        _ => "mean payoff",
    };

    private static string LineName(PayoffLine line) => line switch
    {
        PayoffLine.Operating => "operating book",
        PayoffLine.Stakes => "stakes",
        _ => "total",
    };

    private static string Percent(double fraction) => PeopleText.Percent(fraction);

    private static string Money(double usd) => Quantities.FormatMoneyRounded(usd);
}
