using System.CommandLine;
using Quartermaster.Books;
using Quartermaster.Documents;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm validate BOOK...</c>: checks book files and lists every error in them.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var books = new Argument<string[]>("BOOK") { Description = "One or more book files (YAML).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON on stdout." };
        var command = new Command("validate", """
            Check book files: units, keys, references, ramps, plausibility.

            Example:  qm validate examples/neutral-cloud-2026.yaml
            Every error is printed as file:line:col: message, all errors of a file at once.
            Exit code 0 when every book is valid, 2 when any has an error.
            """)
        { books, json };
        command.SetAction(parse => Run(context, parse.GetValue(books)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, bool json)
    {
        var results = paths.Select(p => (Path: p, Result: BookReader.ReadFile(p))).ToList();
        if (json)
        {
            Json.Write(context, ValidateDocument.Of(results));
        }
        else
        {
            foreach (var (path, result) in results)
            {
                if (result.IsValid)
                {
                    var book = result.Book!;
                    context.Stdout.WriteLine($"{path}: valid ({book.Sites.Count} sites, {book.Tenants.Count} tenants, {book.Contracts.Count} contracts, {book.Horizon.MonthCount} months)");
                }
                BookArguments.PrintErrors(context, result.Errors);
            }
        }
        return results.All(r => r.Result.IsValid) ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
