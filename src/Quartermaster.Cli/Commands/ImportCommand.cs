using System.CommandLine;
using System.Text;
using Quartermaster.Interop;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm import FILE.xlsx|DIR --out BOOK.yaml</c>: a book from a workbook in the template's form, checked like a YAML book.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("FILE") { Description = "A workbook (.xlsx) in the form qm template writes, or a folder of its sheets as CSV files." };
        var output = new Option<string?>("--out") { Description = "Write the book (YAML) to this file; without it, the YAML goes to stdout." };
        var command = new Command("import", """
            Build a book from a spreadsheet: the sheets qm template writes (and qm export writes first), or a
            folder of the same tables as CSV files. Every value is checked against its column, then the book
            passes the same checks as a YAML book; every error names its sheet and cell (contracts!D7) and
            what was expected, all at once. The YAML written is qm's canonical form.

            Example:  qm template --xlsx book.xlsx   (fill it in, then)
                      qm import book.xlsx --out book.yaml
            Exit codes: 0 imported, 2 errors in the workbook.
            """)
        { input, output };
        command.SetAction(parse => Run(context, parse.GetValue(input)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string input, string? output)
    {
        ImportResult result;
        if (Directory.Exists(input))
        {
            result = BookImport.ReadFolder(input);
        }
        else if (File.Exists(input))
        {
            try
            {
                result = BookImport.ReadWorkbook(input);
            }
            catch (InvalidDataException e)
            {
                context.Stderr.WriteLine($"{input}: {Program.OneLine(e.Message)}");
                return ExitCodes.BadInput;
            }
        }
        else
        {
            context.Stderr.WriteLine($"{input}: no such file or folder");
            return ExitCodes.BadInput;
        }
        foreach (var error in result.Errors)
        {
            context.Stderr.WriteLine($"{input}: {error}");
        }
        if (!result.IsValid)
        {
            context.Stderr.WriteLine($"{input}: {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}; no book written");
            return ExitCodes.BadInput;
        }
        var book = result.Book!;
        if (output is null)
        {
            context.Stdout.Write(result.Yaml);
        }
        else
        {
            var temporary = output + ".tmp";
            File.WriteAllText(temporary, result.Yaml, new UTF8Encoding(false));
            File.Move(temporary, output, overwrite: true);
            context.Stdout.WriteLine(output);
        }
        context.Stderr.WriteLine($"imported book '{book.Id}': {book.Sites.Count} sites, {book.Tenants.Count} tenants, {book.Contracts.Count} contracts, {book.Investments.Count} investments"
            + (output is null ? "" : $"; wrote {output}"));
        return ExitCodes.Ok;
    }
}
