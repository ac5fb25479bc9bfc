using System.CommandLine;
using System.CommandLine.Help;
using Quartermaster.Cli.Commands;

namespace Quartermaster.Cli;

/// <summary>The <c>qm</c> command: parses arguments, hands each verb to its command, maps outcomes to exit codes.</summary>
public static class Program
{
    /// <summary>Runs <c>qm</c> with <paramref name="args"/>; returns 0 ok, 1 findings, 2 bad input or usage.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("""
            Quartermaster: run a neutral compute provider's book of sites, tenants, contracts and stakes.

            Start with:  qm report examples/neutral-cloud-2026.yaml --out out/
            Serve:       qm keys create --role admin, then qm serve (dashboard at http://127.0.0.1:5080/)
            Benchmarks:  ./qm bench plan|stress (the repository's qm script runs the benchmark project)
            Exit codes:  0 ok, 1 findings (an audit failed, an alert fired), 2 bad input or usage.
            """);
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(GenCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(StressCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(DealsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(AuditLogCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());

        if (Console.IsOutputRedirected)
        {
            // Tables written to a file or pipe would otherwise wrap at 80 columns.
            Spectre.Console.AnsiConsole.Profile.Width = 160;
        }
        root.SetAction(parse => new HelpAction().Invoke(parse));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            ReportUsageErrors(parse);
            return ExitCodes.BadInput;
        }
        return parse.Invoke();
    }

    /// <summary>Usage errors go to stderr, stdout stays clean for data; a mistyped verb or option gets a suggestion.</summary>
    private static void ReportUsageErrors(ParseResult parse)
    {
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"qm: {error.Message}");
        }
        var command = parse.CommandResult.Command;
        var known = command.Subcommands.Select(c => c.Name).Concat(command.Options.SelectMany(o => o.Aliases.Append(o.Name)));
        foreach (var token in parse.UnmatchedTokens)
        {
            if (Books.Suggestions.Closest(token, known) is { } suggestion)
            {
                Console.Error.WriteLine($"qm: did you mean '{suggestion}'?");
            }
        }
        var path = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, result.Command.Name);
        }
        path[0] = "qm";
        Console.Error.WriteLine($"Run '{string.Join(' ', path)} --help' for usage.");
    }
}
