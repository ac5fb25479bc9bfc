using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Data.Common;
using Quartermaster.Cli.Commands;

namespace Quartermaster.Cli;

/// <summary>The <c>qm</c> command: parses arguments, hands each verb to its command, maps outcomes to exit codes.</summary>
public static class Program
{
    /// <summary>Runs <c>qm</c> with <paramref name="args"/>; returns 0 ok, 1 findings, 2 bad input, usage or environment.</summary>
    public static int Main(string[] args) => RunAsync(args, CliContext.ForProcess(), handleSignals: true).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <c>qm</c> in this process, writing to <paramref name="context"/>. With <paramref name="handleSignals"/>,
    /// Ctrl+C cancels the running verb (the process's own run); otherwise only <paramref name="cancel"/> does.
    /// </summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, bool handleSignals = false, CancellationToken cancel = default)
    {
        var parse = CreateRoot(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            ReportUsageErrors(context, parse);
            return ExitCodes.BadInput;
        }
        var invocation = new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr, EnableDefaultExceptionHandler = false };
        if (!handleSignals)
        {
            invocation.ProcessTerminationTimeout = null;
        }
        try
        {
            return await parse.InvokeAsync(invocation, cancel);
        }
        catch (Exception e) when (IsEnvironmentFault(e))
        {
            // A file that cannot be written, a database that cannot be reached: the user's to fix, in one line.
            context.Stderr.WriteLine($"{CommandPath(parse)}: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            context.Stderr.WriteLine($"{CommandPath(parse)}: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            context.Stderr.WriteLine($"{CommandPath(parse)}: internal error (a bug in qm; please report it with the lines below): {e.GetType().Name}: {OneLine(e.Message)}");
            context.Stderr.WriteLine(e.ToString());
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Faults of the environment rather than of qm: files, sockets, databases.</summary>
    private static bool IsEnvironmentFault(Exception e) =>
        e is IOException or UnauthorizedAccessException or DbException or System.Net.Sockets.SocketException;

    /// <summary>The whole command tree, every verb writing to <paramref name="context"/>.</summary>
    internal static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("""
            Quartermaster: run a neutral compute provider's book of sites, tenants, contracts and stakes.

            Start with:  qm report examples/neutral-cloud-2026.yaml --out out/
            Serve:       qm keys create --role admin, then qm serve (dashboard at http://127.0.0.1:5080/)
            Benchmarks:  ./qm bench plan|stress (the repository's qm script runs the benchmark project)
            Exit codes:  0 ok, 1 findings (an audit failed, an alert fired), 2 bad input, usage or environment.
            """);
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(GenCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(StressCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(TemplateCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(QuoteCommand.Create(context));
        root.Subcommands.Add(DealsCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(WorkerCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        root.Subcommands.Add(AuditLogCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.SetAction(parse => new HelpAction().Invoke(parse));
        return root;
    }

    /// <summary>
    /// Usage errors go to stderr, one line each, stdout stays clean for data; a mistyped verb or option gets a
    /// suggestion. An error in an option's value says what the option expects; other errors point to the verb's help.
    /// </summary>
    private static void ReportUsageErrors(CliContext context, ParseResult parse)
    {
        var path = CommandPath(parse);
        foreach (var error in parse.Errors)
        {
            context.Stderr.WriteLine($"{path}: {OneLine(error.Message)}");
        }
        var command = parse.CommandResult.Command;
        var known = command.Subcommands.Select(c => c.Name).Concat(command.Options.SelectMany(o => o.Aliases.Append(o.Name)));
        foreach (var token in parse.UnmatchedTokens)
        {
            if (Books.Suggestions.Closest(token, known) is { } suggestion)
            {
                context.Stderr.WriteLine($"{path}: did you mean '{suggestion}'?");
            }
        }
        if (!parse.Errors.All(e => e.SymbolResult is OptionResult or ArgumentResult { Parent: OptionResult }))
        {
            context.Stderr.WriteLine($"Run '{path} --help' for usage.");
        }
    }

    /// <summary>The first line of a message, trimmed: messages from parsers and drivers can span several lines.</summary>
    internal static string OneLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : message.Trim();
    }

    /// <summary>The verb as typed, <c>qm keys create</c>.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var path = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            path.Insert(0, result.Command.Name);
        }
        path[0] = "qm";
        return string.Join(' ', path);
    }
}
