using System.CommandLine;
using Quartermaster.Analysis;
using Quartermaster.Planning;
using Quartermaster.Reports;
using Quartermaster.Stress;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm report BOOK --out DIR | --pdf FILE</c>: the whole analysis as one HTML file that opens offline, or as a board-pack PDF.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var output = new Option<string?>("--out") { Description = "Folder to write report.html into (created if missing)." };
        var pdf = new Option<string?>("--pdf")
        {
            Description = "Also (or only) print the report as a board pack: an A4 PDF with a one-page summary first, page numbers and the book in "
                + "the footer. Printed by the system's Chromium.",
        };
        var chromium = new Option<string>("--chromium")
        {
            Description = "The Chromium that prints --pdf (Debian: apt-get install chromium).", DefaultValueFactory = _ => BoardPack.DefaultChromium,
        };
        var paths = TypedOptions.OptionalWholeNumber("--paths", "Futures to simulate (default: the book's scenario paths).", 1, Books.BookLimits.MaxPaths);
        var policy = PolicyOption.Create();
        var deals = new Option<string?>("--deals")
        {
            Description = $"A deals file (CSV, docs/deals.md) for the market section. Default: {DealsArguments.DefaultDeals} when it exists in the current directory, else no market section.",
        };
        var rivalries = new Option<string?>("--rivalries")
        {
            Description = $"A rivalries file (YAML) for the market map. Default: {DealsArguments.DefaultRivalries} when it exists, else one group of OpenAI, Anthropic, Google DeepMind, xAI and Meta.",
        };
        var command = new Command("report", """
            Write one self-contained HTML report: the book at a glance, the plan, the neutrality audit,
            the stress results with fan charts, the win-either-way table and a tornado chart, with a
            plain-language summary on top, and the market of public deals (timeline and market map) when a
            deals file is given or data/deals.csv exists. Charts are inlined, so the file opens offline and
            can be emailed.

            With --pdf it is also printed as a board pack: page 1 is the one-pager for the board (the operating
            book, the stakes, the verdicts, the headline risks, the largest revenue shares), then the sections,
            with no chart or table split across pages.

            Example:  qm report examples/neutral-cloud-2026.yaml --out out/ --deals data/deals.csv
                      qm report examples/neutral-cloud-2026.yaml --pdf out/board-pack.pdf
            """)
        { book, output, pdf, chromium, paths, policy, deals, rivalries };
        command.SetAction(Run);
        return command;

        async Task<int> Run(ParseResult parse, CancellationToken cancel)
        {
            var (folder, pdfPath, browser) = (parse.GetValue(output), parse.GetValue(pdf), parse.GetValue(chromium)!);
            if (folder is null && pdfPath is null)
            {
                context.Stderr.WriteLine("qm report: say where to write: --out DIR (HTML), --pdf FILE (board pack), or both");
                return ExitCodes.BadInput;
            }
            if (pdfPath is not null && !File.Exists(browser))
            {
                context.Stderr.WriteLine($"qm report: --pdf needs Chromium, and {browser} does not exist (Debian: apt-get install chromium; or give --chromium PATH)");
                return ExitCodes.BadInput;
            }
            var loaded = BookArguments.Load(context, parse.GetValue(book)!);
            // Every input file is checked before the (slow) stress run, and all their errors are printed together.
            var market = DealsArguments.LoadOverview(context, parse.GetValue(deals), parse.GetValue(rivalries), out var marketOk);
            if (loaded is null || !marketOk)
            {
                return ExitCodes.BadInput;
            }
            try
            {
                var chosen = PolicyOption.Resolve(parse.GetValue(policy), loaded);
                var audit = NeutralityAudit.Run(loaded, chosen);
                var pathCount = parse.GetValue(paths) ?? loaded.Scenario.Paths;
                // The tornado runs the model twice per input; a quarter of the paths keeps it to a few seconds.
                var tornadoPaths = Math.Max(1000, pathCount / 4);
                var options = new StressOptions(pathCount, ChunkPaths: StressCommand.SmoothChunk(pathCount));
                var tornadoOptions = options with { Paths = tornadoPaths, ChunkPaths = StressCommand.SmoothChunk(tornadoPaths) };
                // Each part's share of the progress is its share of the simulated paths.
                var runShare = pathCount / (pathCount + ((double)tornadoPaths * (1 + (2 * TornadoInputs.Default.Count))));
                var (run, tornado) = ProgressDisplay.Run(context, "qm report", "simulating futures", p => (
                    PlannedStress.Run(loaded, chosen, options, ProgressDisplay.Part(p, 0, runShare), cancel),
                    PlannedStress.Tornado(loaded, chosen, TornadoMetric.Mean, tornadoOptions, ProgressDisplay.Part(p, runShare, 1 - runShare), cancel)));
                // The report says why each shortfall happened; the stress run itself never needs the counterfactuals.
                var plan = ShortfallCounterfactuals.ExplainWithinLimit(loaded, run.Plan);
                var content = new ReportContent(loaded, plan, audit, run.Result, tornado, market);
                var scratch = folder is null ? Directory.CreateTempSubdirectory("qm-report-").FullName : null;
                try
                {
                    var path = HtmlReport.WriteTo(content, folder ?? scratch!);
                    if (folder is not null)
                    {
                        context.Stderr.WriteLine($"wrote {path}");
                        context.Stdout.WriteLine(path);
                    }
                    if (pdfPath is not null)
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pdfPath))!);
                        await BoardPack.PrintAsync(path, pdfPath, BoardPack.Footer(loaded, context.Time.GetUtcNow()), browser);
                        context.Stderr.WriteLine($"wrote {pdfPath}");
                        context.Stdout.WriteLine(pdfPath);
                    }
                }
                finally
                {
                    if (scratch is not null)
                    {
                        Directory.Delete(scratch, recursive: true);
                    }
                }
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or TimeoutException)
            {
                context.Stderr.WriteLine("qm report: could not print the PDF with " + browser + ": " + Program.OneLine(e.Message));
                return ExitCodes.BadInput;
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"{parse.GetValue(book)}: {e.Message}");
                return ExitCodes.BadInput;
            }
        }
    }
}
