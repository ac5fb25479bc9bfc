using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Watch;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm deals exposure</c>: each provider's shares by lab and each lab's shares by provider.</summary>
internal static class DealsExposureCommand
{
    public static Command Create(CliContext context)
    {
        var file = DealsArguments.DealsFile();
        var json = DealsArguments.Json();
        var command = new Command("exposure", """
            Who is exposed to whom: for each provider its share of GW and dollars by lab (HHI, top-lab
            share); for each lab its share by provider, its clouds (suppliers) and its backers (investors).

            Example:  qm deals exposure --json
            HHI is the sum of squared shares (1 = everything with one counterparty). GW count supply deals;
            dollars count every deal, equity included; undated deals count too.
            """)
        { file, json };
        command.SetAction(parse =>
        {
            if (DealsArguments.Load(context, parse.GetValue(file)!) is not { } deals)
            {
                return ExitCodes.BadInput;
            }
            var exposure = MarketExposure.Of(deals);
            if (parse.GetValue(json))
            {
                Json.Write(context, DealsExposureDocument.Of(exposure));
            }
            else
            {
                WriteTables(context, exposure);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTables(CliContext context, MarketExposure exposure)
    {
        var console = context.Out;
        var providers = new Table().Title("Providers: exposure by lab").AddColumn("provider").AddColumn(new TableColumn("labs").RightAligned())
            .AddColumn(new TableColumn("GW").RightAligned()).AddColumn("top lab (GW)").AddColumn(new TableColumn("HHI (GW)").RightAligned())
            .AddColumn(new TableColumn("$").RightAligned()).AddColumn("top lab ($)").AddColumn(new TableColumn("HHI ($)").RightAligned());
        foreach (var p in exposure.Providers.OrderByDescending(p => p.Gw.Total).ThenByDescending(p => p.Usd.Total))
        {
            providers.AddRow(Markup.Escape(p.Provider), p.Labs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DealsArguments.Gw(p.Gw.Total), Top(p.Gw), DealsArguments.Hhi(p.Gw.Hhi),
                DealsArguments.Usd(p.Usd.Total), Top(p.Usd), DealsArguments.Hhi(p.Usd.Hhi));
        }
        console.Write(providers);
        console.WriteLine();
        var labs = new Table().Title("Labs: dependence on providers").AddColumn("lab")
            .AddColumn(new TableColumn("GW").RightAligned()).AddColumn("top provider (GW)").AddColumn(new TableColumn("$").RightAligned())
            .AddColumn("top provider ($)").AddColumn("clouds").AddColumn("backers");
        foreach (var l in exposure.Labs.OrderByDescending(l => l.Gw.Total).ThenByDescending(l => l.Usd.Total))
        {
            labs.AddRow(Markup.Escape(l.Lab), DealsArguments.Gw(l.Gw.Total), Top(l.Gw), DealsArguments.Usd(l.Usd.Total), Top(l.Usd),
                Markup.Escape($"{l.Clouds.Count}: {string.Join(", ", l.Clouds)}"), Markup.Escape($"{l.Backers.Count}: {string.Join(", ", l.Backers)}"));
        }
        console.Write(labs);
    }

    private static string Top(Concentration c) => c.Top is null ? "-" : $"{Markup.Escape(c.Top)} {DealsArguments.Share(c.TopShare)}";
}
