using System.CommandLine;
using Quartermaster.Interop;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm template --xlsx FILE</c>: a workbook to fill in and import as a book.</summary>
internal static class TemplateCommand
{
    public static Command Create(CliContext context)
    {
        var xlsx = new Option<string?>("--xlsx") { Description = "Write the template workbook to this file (.xlsx)." };
        var csv = new Option<string?>("--csv") { Description = "Write the same sheets as CSV files into this folder (created if missing)." };
        var command = new Command("template", """
            Write a workbook to fill in and import as a book: one sheet per part of the book (sites, chip
            pools, capacity online, tenants, contracts, ramps, investments, scenario settings), headers with
            their units, a small example in every sheet (it imports as it is), drop-down lists for words, and
            a notes sheet saying what every column holds.

            Example:  qm template --xlsx book.xlsx
                      qm import book.xlsx --out book.yaml
            """)
        { xlsx, csv };
        command.SetAction(parse =>
        {
            if (parse.GetValue(xlsx) is null && parse.GetValue(csv) is null)
            {
                context.Stderr.WriteLine("qm template: give --xlsx FILE, --csv DIR, or both");
                return ExitCodes.BadInput;
            }
            var template = WorkbookExport.Template();
            if (parse.GetValue(xlsx) is { } file)
            {
                XlsxWriter.WriteFile(template, file);
                context.Stderr.WriteLine($"wrote {file}: fill in its sheets (the notes sheet says what each column holds), then qm import {file} --out BOOK.yaml");
                context.Stdout.WriteLine(file);
            }
            if (parse.GetValue(csv) is { } folder)
            {
                var names = CsvTables.WriteFolder(template, folder);
                context.Stderr.WriteLine($"wrote {names.Count} CSV files to {folder}");
                context.Stdout.WriteLine(folder);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
