using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Watch;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm deals map</c>: the market as a graph, with providers that supply rival labs marked.</summary>
internal static class DealsMapCommand
{
    public static Command Create(CliContext context)
    {
        var file = DealsArguments.DealsFile();
        var rivalries = new Option<string?>("--rivalries")
        {
            Description = "A rivalries file (YAML, docs/deals.md). Default: one group of OpenAI, Anthropic, Google DeepMind, xAI and Meta (data/rivalries.yaml).",
        };
        var json = DealsArguments.Json();
        var command = new Command("map", """
            The market as a graph: providers and labs, one edge per pair weighted by GW and dollars.

            Example:  qm deals map --rivalries data/rivalries.yaml
            A provider that supplies two or more labs of one rivalry group is marked (it sells to both
            sides); an edge where the provider both supplies the lab and holds equity in it is marked
            "paid twice". --json gives nodes and edges for drawing.
            """)
        { file, rivalries, json };
        command.SetAction(parse =>
        {
            if (DealsArguments.Load(context, parse.GetValue(file)!) is not { } deals || DealsArguments.LoadRivalries(context, parse.GetValue(rivalries)) is not { } groups)
            {
                return ExitCodes.BadInput;
            }
            var map = MarketMap.Of(deals, groups);
            if (parse.GetValue(json))
            {
                WriteJson(context, map);
            }
            else
            {
                WriteTables(context, map);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliContext context, MarketMap map) => Json.Write(context, DealsMapDocument.Of(map));

    private static void WriteTables(CliContext context, MarketMap map)
    {
        var console = context.Out;
        var edges = new Table().Title("Market map: provider to lab").AddColumns("provider", "lab")
            .AddColumn(new TableColumn("GW").RightAligned()).AddColumn(new TableColumn("supply $").RightAligned())
            .AddColumn(new TableColumn("equity $").RightAligned()).AddColumns("kinds", "marks");
        var marked = map.RivalSuppliers.Select(r => r.Provider).ToHashSet(StringComparer.Ordinal);
        foreach (var e in map.Edges)
        {
            var marks = new List<string>();
            if (marked.Contains(e.Provider) && map.Groups.Any(g => g.Contains(e.Lab)) && e.Supplies)
            {
                marks.Add("[yellow]supplies rivals[/]");
            }
            if (e.PaidTwice)
            {
                marks.Add("[red]paid twice[/]");
            }
            edges.AddRow(Markup.Escape(e.Provider), Markup.Escape(e.Lab), e.Gw > 0 ? DealsArguments.Gw(e.Gw) : "", e.SupplyUsd > 0 ? DealsArguments.Usd(e.SupplyUsd) : "",
                e.EquityUsd > 0 ? DealsArguments.Usd(e.EquityUsd) : "", string.Join(", ", e.Kinds.Select(k => k.Word())), string.Join(", ", marks));
        }
        console.Write(edges);
        console.WriteLine();
        if (map.RivalSuppliers.Count == 0)
        {
            console.MarkupLine("[green]No provider supplies two labs of one rivalry group.[/]");
        }
        foreach (var r in map.RivalSuppliers)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(r.Provider)}[/] supplies rival labs {Markup.Escape(string.Join(", ", r.Labs))} ({Markup.Escape(r.Group)})");
        }
        foreach (var e in map.PaidTwice)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Provider)}[/] is paid twice by {Markup.Escape(e.Lab)}: supply and {DealsArguments.Usd(e.EquityUsd)} of equity");
        }
    }
}
