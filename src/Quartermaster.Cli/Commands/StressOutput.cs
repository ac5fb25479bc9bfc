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
        var p = result.Payoff;
        console.MarkupLine($"[bold]{Markup.Escape(book.Id)}[/]: {result.Paths:N0} futures, seed {result.Seed}, {book.Horizon.Start} to {book.Horizon.End}");
        console.MarkupLine($"In 95% of futures the book earns at least [bold]{Money(p.P5Usd)}[/] (NPV, stakes included); "
            + $"the mean is {Money(p.MeanUsd)} (95% CI {Money(p.Ci95LowUsd)} to {Money(p.Ci95HighUsd)}); P(loss) {p.ProbabilityOfLoss:P1}.");
        console.WriteLine();
        var payoff = new Table().Title("Payoff (NPV, USD)").AddColumns("mean", "P1", "P5", "P50", "P95", "P99", "VaR95", "CVaR95", "VaR99", "CVaR99", "P(loss)");
        payoff.AddRow(Money(p.MeanUsd), Money(p.P1Usd), Money(p.P5Usd), Money(p.P50Usd), Money(p.P95Usd), Money(p.P99Usd),
            Money(p.Var95Usd), Money(p.Cvar95Usd), Money(p.Var99Usd), Money(p.Cvar99Usd), p.ProbabilityOfLoss.ToString("P1", CultureInfo.InvariantCulture));
        console.Write(payoff);

        var wins = new Table().Title("Win either way: payoff by horizon outcome");
        foreach (var group in result.RivalryGroups)
        {
            wins.AddColumn($"leader of {Markup.Escape(group)}");
        }
        wins.AddColumn("sector").AddColumn(new TableColumn("share of futures").RightAligned())
            .AddColumn(new TableColumn("mean payoff").RightAligned()).AddColumn(new TableColumn("P(loss)").RightAligned());
        foreach (var row in result.WinEitherWay)
        {
            wins.AddRow([.. row.Leaders.Select(Markup.Escape), row.Cooled ? "cooled" : "booming", row.ShareOfPaths.ToString("P1", CultureInfo.InvariantCulture),
                Money(row.MeanPayoffUsd), row.ProbabilityOfLoss.ToString("P1", CultureInfo.InvariantCulture)]);
        }
        console.Write(wins);

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
            .AddColumns("measure", Markup.Escape(a.Label), Markup.Escape(b.Label));
        table.AddRow("mean payoff", Money(comparison.A.Payoff.MeanUsd), Money(comparison.B.Payoff.MeanUsd));
        table.AddRow("P5 payoff", Money(comparison.A.Payoff.P5Usd), Money(comparison.B.Payoff.P5Usd));
        table.AddRow("P(loss)", comparison.A.Payoff.ProbabilityOfLoss.ToString("P1", CultureInfo.InvariantCulture),
            comparison.B.Payoff.ProbabilityOfLoss.ToString("P1", CultureInfo.InvariantCulture));
        context.Out.Write(table);
        context.Out.MarkupLine($"Paired difference of mean payoff: {Money(comparison.MeanDifferenceUsd)} "
            + $"(95% CI {Money(comparison.Ci95LowUsd)} to {Money(comparison.Ci95HighUsd)}); "
            + $"{Markup.Escape(b.Label)} does better in {comparison.ProbabilityBBetter:P1} of futures.");
    }

    public static void WriteTornado(CliContext context, TornadoChart chart, Book book, bool json)
    {
        if (json)
        {
            Json.Write(context, TornadoDocument.Of(chart));
            return;
        }
        var table = new Table().Title($"Tornado: effect on mean payoff of {Markup.Escape(book.Id)} (base {Money(chart.BaseMeanPayoffUsd)}, {chart.Paths:N0} futures each)")
            .AddColumns("input", "step", "low", "high", "swing");
        foreach (var bar in chart.Bars)
        {
            table.AddRow(Markup.Escape(bar.Input), Markup.Escape(bar.Step), Money(bar.LowMeanPayoffUsd), Money(bar.HighMeanPayoffUsd), Money(bar.SwingUsd));
        }
        context.Out.Write(table);
    }

    private static string Money(double usd) => Quantities.FormatMoneyRounded(usd);
}
