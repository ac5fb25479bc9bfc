using System.CommandLine;
using Quartermaster.Analysis;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm stress BOOK</c>: simulates thousands of futures of the book and shows whether the provider wins either way.</summary>
internal static class StressCommand
{
    private const int MaxThreads = 1024;

    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var paths = TypedOptions.OptionalWholeNumber("--paths", "Number of simulated futures (default: the book's scenario paths).", 1, BookLimits.MaxPaths);
        var seed = TypedOptions.OptionalSeed("--seed", "Seed of the random streams (default: the book's scenario seed). Same book and seed, same result.");
        var threads = TypedOptions.OptionalWholeNumber("--threads", "Worker threads (default: all cores). The result does not depend on it.", 1, MaxThreads);
        var chunk = TypedOptions.OptionalWholeNumber("--chunk",
            $"Paths per work item (default: small enough for smooth progress, at most {StressOptions.Default.ChunkPaths}). The result does not depend on it.", 1, BookLimits.MaxPaths);
        var policy = PolicyOption.Create();
        var compare = new Option<string?>("--compare") { Description = "A second book, run on the same random numbers; reports the paired difference of payoff." };
        var tornado = new Option<bool>("--tornado") { Description = "Vary each key input up and down by a stated step and rank the effect (see --tornado-metric)." };
        var tornadoMetric = TypedOptions.OneOf("--tornado-metric",
            "What the tornado ranks inputs by, on common random numbers, for the operating book and the total: "
            + "mean (mean payoff), p-loss (chance of a loss) or var95 (value at risk at 95%).",
            ["mean", "p-loss", "var95"], "mean");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON on stdout." };
        var command = new Command("stress", """
            Stress the book: simulate futures month by month (boom or cooling, one lab winning, defaults,
            tenants moving to other clouds) on the capacity the plan gives each contract, and report the
            payoff distribution, idle capacity, concentration and the win-either-way table.

            Example:  qm stress examples/neutral-cloud-2026.yaml --paths 100000 --seed 7
                      qm stress examples/neutral-cloud-2026.yaml --compare other.yaml
                      qm stress examples/neutral-cloud-2026.yaml --tornado --tornado-metric p-loss
            Every figure is given for the operating book (the contracts), the stakes and the total.
            The model and every parameter are described in docs/stress-model.md.

            Glossary:
            """ + Glossary())
        { book, paths, seed, threads, chunk, policy, compare, tornado, tornadoMetric, json };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;

        int Run(ParseResult parse, CancellationToken cancel)
        {
            var loaded = BookArguments.Load(context, parse.GetValue(book)!);
            var other = parse.GetValue(compare) is { } otherPath ? BookArguments.Load(context, otherPath) : null;
            if (loaded is null || (parse.GetValue(compare) is not null && other is null))
            {
                return ExitCodes.BadInput;
            }
            var pathCount = parse.GetValue(paths) ?? loaded.Scenario.Paths;
            var options = new StressOptions(pathCount, parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(chunk) ?? SmoothChunk(pathCount));
            try
            {
                var chosen = PolicyOption.Resolve(parse.GetValue(policy), loaded);
                if (other is not null)
                {
                    var comparison = ProgressDisplay.Run(context, "qm stress", "simulating futures of both books",
                        p => PlannedStress.Compare(loaded, other, chosen, options, p, cancel));
                    StressOutput.WriteComparison(context, comparison, (loaded, parse.GetValue(book)!), (other, parse.GetValue(compare)!), parse.GetValue(json));
                }
                else if (parse.GetValue(tornado))
                {
                    var metric = parse.GetValue(tornadoMetric) switch { "p-loss" => TornadoMetric.ProbabilityOfLoss, "var95" => TornadoMetric.Var95, _ => TornadoMetric.Mean };
                    var chart = ProgressDisplay.Run(context, "qm stress", "varying each input", p => PlannedStress.Tornado(loaded, chosen, metric, options, p, cancel));
                    StressOutput.WriteTornado(context, chart, loaded, parse.GetValue(json));
                }
                else
                {
                    var run = ProgressDisplay.Run(context, "qm stress", "simulating futures", p => PlannedStress.Run(loaded, chosen, options, p, cancel));
                    StressOutput.WriteResult(context, run.Result, loaded, parse.GetValue(json));
                }
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"{parse.GetValue(book)}: {e.Message}");
                return ExitCodes.BadInput;
            }
            return ExitCodes.Ok;
        }
    }

    // One line per glossary entry: "  boom_to_cooling  Chance a boom turns to cooling. Chance per period ...".
    private static string Glossary() =>
        string.Join(Environment.NewLine, StressGlossary.Entries.Select(e => $"  {e.Key,-32} {e.Label}. {e.Definition}"));

    /// <summary>
    /// Paths per work item when <c>--chunk</c> is not given. Progress moves when a chunk is done, so a run of a
    /// few chunks jumps (25% at a time with 4), and a tornado of 23 runs moves in steps of a run; 64 chunks per
    /// run move it smoothly at no measurable cost, since each worker keeps its simulator across chunks.
    /// Results do not depend on the chunk size.
    /// </summary>
    internal static int SmoothChunk(int paths)
    {
        var blocks = (paths + (64 * StressOptions.BlockPaths) - 1) / (64 * StressOptions.BlockPaths);
        return Math.Min(StressOptions.Default.ChunkPaths, Math.Max(1, blocks) * StressOptions.BlockPaths);
    }
}
