using System.CommandLine;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm show BOOK</c>: a summary of a book, its capacity over time and where shortage begins.</summary>
internal static class ShowCommand
{
    private const int TenantColumns = 6;

    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on stdout, every month included." };
        var command = new Command("show", """
            Summarise a book: its sites, capacity online over time, capacity committed by tenant
            over time, and the first month where commitments exceed what is online.

            Example:  qm show examples/neutral-cloud-2026.yaml
            """)
        { book, json };
        command.SetAction(parse =>
        {
            var loaded = BookArguments.Load(context, parse.GetValue(book)!);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }
            var outlook = CapacityOutlook.Of(loaded);
            if (parse.GetValue(json))
            {
                WriteJson(context, loaded);
            }
            else
            {
                WriteTables(context, loaded, outlook);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliContext context, Book book) => Json.Write(context, ShowDocument.Of(book));

    private static void WriteTables(CliContext context, Book book, CapacityOutlook outlook)
    {
        var console = context.Out;
        console.MarkupLine($"[bold]{Markup.Escape(book.Id)}[/]: {Markup.Escape(book.Provider)}, {book.Horizon.Start} to {book.Horizon.End} ({book.Horizon.MonthCount} months)");
        console.MarkupLine($"{book.Sites.Count} sites, {book.Tenants.Count} tenants in {book.RivalryGroups.Count} rivalry groups, "
            + $"{book.Contracts.Count} contracts, {book.Investments.Count} investments ({Quantities.FormatMoney(book.Investments.Sum(i => i.AmountUsd))} invested)");
        console.WriteLine();

        var sites = new Table().Title("Sites").AddColumns("site", "region", "halls", "chips", "capex", "opex",
            $"online {book.Horizon.Start}", $"online {book.Horizon.End}");
        foreach (var site in book.Sites.Take(30))
        {
            sites.AddRow(site.Id, site.Region, site.Halls.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", site.ChipPools.Select(p => $"{p.Chip} {Quantities.FormatPercent(p.ShareFraction)}")),
                Quantities.FormatMoney(site.CapexPerMwUsd, "/MW"), Quantities.FormatMoney(site.OpexPerMwMonthUsd, "/MW-month"),
                Mw(site.OnlineMw(book.Horizon.Start)), Mw(site.OnlineMw(book.Horizon.End)));
        }
        if (book.Sites.Count > 30)
        {
            sites.Caption($"and {book.Sites.Count - 30} more sites (--json lists all)");
        }
        console.Write(sites);
        console.WriteLine();
        console.Write(CapacityTable(outlook));
        console.WriteLine();
        console.MarkupLine(outlook.FirstShortage is { } first
            ? $"[yellow]Commitments first exceed online capacity in {first}[/]: {Mw(outlook.CommittedMw[first.MonthsSince(book.Horizon.Start)])} committed, "
              + $"{Mw(outlook.OnlineMw[first.MonthsSince(book.Horizon.Start)])} online. The planner divides the shortage by the declared policy."
            : "[green]Commitments never exceed online capacity over the horizon.[/]");
    }

    /// <summary>One row per quarter (per year past 3 years), largest tenants as columns.</summary>
    private static Table CapacityTable(CapacityOutlook outlook)
    {
        var largest = outlook.CommittedMwByTenant.OrderByDescending(t => t.Value.Max()).Take(TenantColumns).ToList();
        var others = outlook.CommittedMwByTenant.Except(largest).ToList();
        var table = new Table().Title("Capacity over time (MW)").AddColumn("month").AddColumn(new TableColumn("online").RightAligned());
        foreach (var tenant in largest)
        {
            table.AddColumn(new TableColumn(Markup.Escape(tenant.Key)).RightAligned());
        }
        if (others.Count > 0)
        {
            table.AddColumn(new TableColumn($"{others.Count} others").RightAligned());
        }
        table.AddColumn(new TableColumn("committed").RightAligned()).AddColumn(new TableColumn("committed / online").RightAligned());
        var step = outlook.Months.Count > 36 ? 12 : 3;
        for (var i = 0; i < outlook.Months.Count; i += step)
        {
            var committed = outlook.CommittedMw[i];
            var ratio = outlook.OnlineMw[i] > 0 ? committed / outlook.OnlineMw[i] : double.PositiveInfinity;
            var row = new List<string> { outlook.Months[i].ToString(), Mw(outlook.OnlineMw[i]) };
            row.AddRange(largest.Select(t => Mw(t.Value[i])));
            if (others.Count > 0)
            {
                row.Add(Mw(others.Sum(t => t.Value[i])));
            }
            row.Add(Mw(committed));
            row.Add(ratio > 1 ? $"[yellow]{ratio:0.00}[/]" : $"{ratio:0.00}");
            table.AddRow(row.ToArray());
        }
        return table;
    }

    private static string Mw(double mw) => mw.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
}
