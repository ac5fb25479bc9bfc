using System.CommandLine;
using Quartermaster.Analysis;
using Quartermaster.Core;
using Quartermaster.Interop;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm export BOOK --xlsx FILE</c>: the book, its plan, its stress results and the public deals as one workbook (or CSV files).</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var xlsx = new Option<string?>("--xlsx") { Description = "Write the workbook to this file (.xlsx)." };
        var csv = new Option<string?>("--csv") { Description = "Write the same tables as CSV files (one per sheet) into this folder (created if missing)." };
        var policy = PolicyOption.Create();
        var paths = TypedOptions.OptionalWholeNumber("--paths", "Futures to simulate for the stress sheets (default: the book's scenario paths).", 1, Books.BookLimits.MaxPaths);
        var noStress = new Option<bool>("--no-stress") { Description = "Leave out the stress sheets (and the time the simulation takes)." };
        var tornado = new Option<bool>("--tornado") { Description = "Add the tornado sheet: the effect on mean payoff of moving each key input." };
        var deals = new Option<string?>("--deals")
        {
            Description = $"A deals file (CSV, docs/deals.md) for the deals sheet. Default: {DealsArguments.DefaultDeals} when it exists in the current directory, else no deals sheet.",
        };
        var command = new Command("export", """
            Write the book, its plan, its stress results and the public deals as one spreadsheet workbook:
            numbers as numbers with their unit in the header, months as dates, a frozen header row on every
            sheet. The book's sheets are those qm template writes, so qm import reads the book back unchanged.

            Example:  qm export examples/neutral-cloud-2026.yaml --xlsx book.xlsx
                      qm export examples/neutral-cloud-2026.yaml --csv tables/ --no-stress
            """)
        { book, xlsx, csv, policy, paths, noStress, tornado, deals };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;

        int Run(ParseResult parse, CancellationToken cancel)
        {
            if (parse.GetValue(xlsx) is null && parse.GetValue(csv) is null)
            {
                context.Stderr.WriteLine("qm export: give --xlsx FILE, --csv DIR, or both");
                return ExitCodes.BadInput;
            }
            var loaded = BookArguments.Load(context, parse.GetValue(book)!);
            var dealsPath = parse.GetValue(deals) ?? (File.Exists(DealsArguments.DefaultDeals) ? DealsArguments.DefaultDeals : null);
            var dealList = dealsPath is null ? null : DealsArguments.Load(context, dealsPath);
            if (loaded is null || (dealsPath is not null && dealList is null))
            {
                return ExitCodes.BadInput;
            }
            Workbook workbook;
            try
            {
                var chosen = PolicyOption.Resolve(parse.GetValue(policy), loaded);
                workbook = parse.GetValue(noStress)
                    ? WorkbookExport.Of(loaded, new FlowPlanner().Allocate(loaded, chosen), deals: dealList)
                    : WithStress(loaded, chosen, parse.GetValue(paths) ?? loaded.Scenario.Paths, parse.GetValue(tornado), dealList, cancel);
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"{parse.GetValue(book)}: {e.Message}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(xlsx) is { } file)
            {
                XlsxWriter.WriteFile(workbook, file);
                context.Stderr.WriteLine($"wrote {file}: {workbook.Sheets.Count} sheets ({string.Join(", ", workbook.Sheets.Select(s => s.Name))})");
                context.Stdout.WriteLine(file);
            }
            if (parse.GetValue(csv) is { } folder)
            {
                var names = CsvTables.WriteFolder(workbook, folder);
                context.Stderr.WriteLine($"wrote {names.Count} CSV files to {folder}");
                context.Stdout.WriteLine(folder);
            }
            return ExitCodes.Ok;
        }

        Workbook WithStress(Book loaded, AllocationPolicy chosen, int pathCount, bool withTornado, IReadOnlyList<Watch.Deal>? dealList, CancellationToken cancel)
        {
            var options = new StressOptions(pathCount, ChunkPaths: StressCommand.SmoothChunk(pathCount));
            // As in qm report: the tornado runs the model twice per input, on a quarter of the paths.
            var tornadoPaths = Math.Max(1000, pathCount / 4);
            var tornadoOptions = options with { Paths = tornadoPaths, ChunkPaths = StressCommand.SmoothChunk(tornadoPaths) };
            var runShare = withTornado ? pathCount / (pathCount + ((double)tornadoPaths * (1 + (2 * TornadoInputs.Default.Count)))) : 1;
            var (run, chart) = ProgressDisplay.Run(context, "qm export", "simulating futures", p => (
                PlannedStress.Run(loaded, chosen, options, ProgressDisplay.Part(p, 0, runShare), cancel),
                withTornado ? PlannedStress.Tornado(loaded, chosen, options: tornadoOptions, progress: ProgressDisplay.Part(p, runShare, 1 - runShare), cancellationToken: cancel) : null));
            return WorkbookExport.Of(loaded, run.Plan, run.Result, chart, dealList);
        }
    }
}
