using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Watch;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm deals timeline</c>: cumulative GW and dollars committed over time, per provider or per lab.</summary>
internal static class DealsTimelineCommand
{
    private const int SeriesColumns = 6;

    public static Command Create(CliContext context)
    {
        var file = DealsArguments.DealsFile();
        var provider = new Option<string?>("--provider") { Description = "Only this provider's deals (ignoring case)." };
        var by = TypedOptions.OneOf("--by", "One series per provider or per lab.", ["provider", "lab"], "provider");
        var json = DealsArguments.Json();
        var command = new Command("timeline", """
            Cumulative GW and dollars committed over time, by announcement month.

            Example:  qm deals timeline --provider Amazon --by lab
            A deal dated by month or day counts in its month; one dated by year only counts in December
            of that year, so every cumulative figure is a lower bound. Equity counts toward dollars (also
            shown apart in --json), never toward GW. Undated deals are listed, not placed.
            """)
        { file, provider, by, json };
        command.SetAction(parse =>
        {
            if (DealsArguments.Load(context, parse.GetValue(file)!) is not { } deals)
            {
                return ExitCodes.BadInput;
            }
            var side = parse.GetValue(by) == "lab" ? MarketSide.Lab : MarketSide.Provider;
            var only = parse.GetValue(provider);
            if (only is not null && !deals.Any(d => string.Equals(d.Provider, only, StringComparison.OrdinalIgnoreCase)))
            {
                var suggestion = Books.Suggestions.Closest(only, deals.Select(d => d.Provider).Distinct());
                context.Stderr.WriteLine($"qm: no deals of provider '{only}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
                return ExitCodes.BadInput;
            }
            var timeline = DealTimeline.Of(deals, side, only);
            if (parse.GetValue(json))
            {
                WriteJson(context, timeline);
            }
            else
            {
                WriteTable(context, timeline);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliContext context, DealTimeline timeline) => Json.Write(context, DealsTimelineDocument.Of(timeline));

    private static void WriteTable(CliContext context, DealTimeline timeline)
    {
        var shown = timeline.Series.Take(SeriesColumns).ToList();
        var others = timeline.Series.Skip(SeriesColumns).ToList();
        var title = $"Cumulative commitments by {(timeline.GroupedBy == MarketSide.Lab ? "lab" : "provider")}"
            + (timeline.Provider is null ? "" : $" ({timeline.Provider}'s deals)");
        var table = new Table().Title(Markup.Escape(title)).AddColumn("month");
        foreach (var series in shown)
        {
            table.AddColumn(new TableColumn(Markup.Escape(series.Key)).RightAligned());
        }
        if (others.Count > 0)
        {
            table.AddColumn(new TableColumn($"{others.Count} others").RightAligned());
        }
        table.AddColumn(new TableColumn("all").RightAligned());
        foreach (var month in timeline.Months)
        {
            var row = new List<string> { month.ToString() };
            row.AddRange(shown.Select(s => Cell(At(s, month))));
            if (others.Count > 0)
            {
                var points = others.Select(s => At(s, month)).Where(p => p is not null).ToList();
                row.Add(Cell(points.Sum(p => p!.CumulativeGw), points.Sum(p => p!.CumulativeUsd)));
            }
            row.Add(Cell(At(timeline.Total, month)));
            table.AddRow(row.ToArray());
        }
        table.Caption("each cell: GW committed, dollars committed (equity included), cumulative to the month");
        context.Out.Write(table);
        if (timeline.Undated.Count > 0)
        {
            context.Out.WriteLine();
            context.Out.MarkupLine($"[yellow]{timeline.Undated.Count} undated deals are not on the timeline:[/] "
                + Markup.Escape(string.Join("; ", timeline.Undated.Select(d => $"{d.Id} ({d.Provider} to {d.Lab}, {Figures(d)})"))));
        }
    }

    private static TimelinePoint? At(TimelineSeries series, Core.Month month) => series.Points.LastOrDefault(p => p.Month <= month);

    private static string Cell(TimelinePoint? point) => point is null ? "" : Cell(point.CumulativeGw, point.CumulativeUsd);

    private static string Cell(double gw, double usd) => $"{DealsArguments.Gw(gw)}, {DealsArguments.Usd(usd)}";

    private static string Figures(Deal deal) =>
        string.Join(", ", new[] { deal.PowerGw is { } gw ? DealsArguments.Gw(gw) : null, deal.AmountUsd is { } usd ? DealsArguments.Usd(usd) : null, deal.Kind.Word() }
            .Where(s => s is not null));
}
