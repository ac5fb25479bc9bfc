using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Watch;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm deals validate FILE...</c>: checks deals files and lists every error in them.</summary>
internal static class DealsValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "One or more deals files (CSV).", Arity = ArgumentArity.OneOrMore };
        var json = DealsArguments.Json();
        var command = new Command("validate", """
            Check deals files: columns, dates, kinds, units, duplicate ids, sources.

            Example:  qm deals validate data/deals.csv
            Every error is printed as file:line:col: message (the column of the field), all at once.
            Exit code 0 when every file is valid, 2 when any has an error.
            """)
        { files, json };
        command.SetAction(parse => Run(context, parse.GetValue(files)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, bool json)
    {
        var results = paths.Select(p => (Path: p, Result: DealsReader.ReadFile(p))).ToList();
        if (json)
        {
            Json.Write(context, DealsValidateDocument.Of(results));
        }
        else
        {
            foreach (var (path, result) in results)
            {
                if (result.IsValid)
                {
                    var deals = result.Deals;
                    context.Stdout.WriteLine($"{path}: valid ({deals.Count} deals, {deals.Select(d => d.Provider).Distinct().Count()} providers, "
                        + $"{deals.Select(d => d.Lab).Distinct().Count()} labs, {deals.Count(d => d.Announced is null)} undated)");
                }
                BookArguments.PrintErrors(context, result.Errors);
            }
        }
        return results.All(r => r.Result.IsValid) ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
