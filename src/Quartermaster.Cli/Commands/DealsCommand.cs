using System.CommandLine;
using System.CommandLine.Help;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm deals</c>: the analyst's view of public deals across providers and labs (Watch).</summary>
internal static class DealsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("deals", """
            Watch public deals across providers and labs: who supplies whom, how much capacity each
            provider keeps committing, who is exposed to whom. Reads data/deals.csv unless given a FILE.

            Example:  qm deals timeline --by provider
            Verbs:    validate, timeline, map, exposure, alerts. The file format is in docs/deals.md.
            """);
        command.Subcommands.Add(DealsValidateCommand.Create(context));
        command.Subcommands.Add(DealsTimelineCommand.Create(context));
        command.Subcommands.Add(DealsMapCommand.Create(context));
        command.Subcommands.Add(DealsExposureCommand.Create(context));
        command.Subcommands.Add(DealsAlertsCommand.Create(context));
        command.SetAction(parse => new HelpAction().Invoke(parse));
        return command;
    }
}
