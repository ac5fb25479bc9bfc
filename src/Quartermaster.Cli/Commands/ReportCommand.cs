using System.CommandLine;
using Quartermaster.Analysis;
using Quartermaster.Planning;
using Quartermaster.Reports;
using Quartermaster.Stress;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm report BOOK --out DIR</c>: the whole analysis as one HTML file that opens offline.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var output = new Option<string>("--out") { Description = "Folder to write report.html into (created if missing).", Required = true };
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

            Example:  qm report examples/neutral-cloud-2026.yaml --out out/ --deals data/deals.csv
            """)
        { book, output, paths, policy, deals, rivalries };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;

        int Run(ParseResult parse, CancellationToken cancel)
        {
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
                var plan = run.Plan.Shortfalls.Count <= ShortfallCounterfactuals.AutomaticLimit ? ShortfallCounterfactuals.Explain(loaded, run.Plan) : run.Plan;
                var path = HtmlReport.WriteTo(new ReportContent(loaded, plan, audit, run.Result, tornado, market), parse.GetValue(output)!);
                context.Stderr.WriteLine($"wrote {path}");
                context.Stdout.WriteLine(path);
                return ExitCodes.Ok;
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"{parse.GetValue(book)}: {e.Message}");
                return ExitCodes.BadInput;
            }
        }
    }
}
