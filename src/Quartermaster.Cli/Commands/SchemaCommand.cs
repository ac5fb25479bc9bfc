using System.CommandLine;
using Quartermaster.Documents;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm schema [DOCUMENT] [--out DIR]</c>: the JSON Schema of what a command prints with <c>--json</c>.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var document = new Argument<string?>("DOCUMENT")
        {
            Description = "The document, such as plan or deals-map; without it, every document is listed (or, with --out, written).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out") { Description = "Write NAME.schema.json files into this folder (created if missing) instead of printing." };
        var command = new Command("schema", """
            The JSON Schema (draft 2020-12) of a document the program prints with --json, generated from its types.

            Example:  qm schema plan
                      qm schema --out docs/schemas
            Every document starts with schema_version, raised when a field is renamed, reshaped or removed.
            """)
        { document, output };
        command.SetAction(parse => Run(context, parse.GetValue(document), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string? name, string? folder)
    {
        var kinds = DocumentKind.All;
        if (name is not null)
        {
            if (DocumentKind.Find(name) is not { } kind)
            {
                var suggestion = Books.Suggestions.Closest(name, kinds.Select(k => k.Name));
                context.Stderr.WriteLine($"qm schema: no document '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
                context.Stderr.WriteLine($"documents: {string.Join(", ", kinds.Select(k => k.Name))}");
                return ExitCodes.BadInput;
            }
            kinds = [kind];
        }
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            foreach (var kind in kinds)
            {
                File.WriteAllText(Path.Combine(folder, DocumentSchemas.FileName(kind)), DocumentSchemas.TextOf(kind));
            }
            context.Stderr.WriteLine($"wrote {kinds.Count} schemas to {folder}");
            return ExitCodes.Ok;
        }
        if (name is not null)
        {
            context.Stdout.Write(DocumentSchemas.TextOf(kinds[0]));
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumns("document", "schema_version", "written by");
        foreach (var kind in kinds)
        {
            table.AddRow(kind.Name, kind.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(kind.Source));
        }
        table.Caption("qm schema NAME prints one; qm schema --out DIR writes them all");
        context.Out.Write(table);
        return ExitCodes.Ok;
    }
}
