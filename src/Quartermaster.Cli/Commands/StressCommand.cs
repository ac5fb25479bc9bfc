using System.CommandLine;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm stress BOOK</c>: simulates thousands of futures of the book and shows whether the provider wins either way.</summary>
internal static class StressCommand
{
    public static Command Create()
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var paths = new Option<int?>("--paths") { Description = "Number of simulated futures (default: the book's scenario paths)." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the random streams (default: the book's scenario seed). Same book and seed, same result." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores). The result does not depend on it." };
        var chunk = new Option<int>("--chunk") { Description = "Paths per work item. The result does not depend on it.", DefaultValueFactory = _ => 16_384 };
        var policy = PolicyOption.Create();
        var compare = new Option<string?>("--compare") { Description = "A second book, run on the same random numbers; reports the paired difference of payoff." };
        var tornado = new Option<bool>("--tornado") { Description = "Vary each key input up and down by a stated step and rank the effect (see --tornado-metric)." };
        var tornadoMetric = new Option<string>("--tornado-metric")
        {
            Description = "What the tornado ranks inputs by, on common random numbers, for the operating book and the total: "
                + "mean (mean payoff), p-loss (chance of a loss) or var95 (value at risk at 95%).",
            DefaultValueFactory = _ => "mean",
        };
        tornadoMetric.AcceptOnlyFromAmong("mean", "p-loss", "var95");
        var json = new Option<bool>("--json") { Description = "Print the results as JSON on stdout." };
        paths.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > BookLimits.MaxPaths) { r.AddError($"--paths must be between 1 and {BookLimits.MaxPaths}."); } });
        threads.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 1024) { r.AddError("--threads must be between 1 and 1024."); } });
        chunk.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1) { r.AddError("--chunk must be at least 1."); } });
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
        command.SetAction(parse =>
        {
            var loaded = BookArguments.Load(parse.GetValue(book)!);
            var other = parse.GetValue(compare) is { } otherPath ? BookArguments.Load(otherPath) : null;
            if (loaded is null || (parse.GetValue(compare) is not null && other is null))
            {
                return ExitCodes.BadInput;
            }
            var options = new StressOptions(parse.GetValue(paths), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(chunk));
            var requested = parse.GetValue(policy);
            try
            {
                var input = PlannedInput(loaded, requested);
                if (other is not null)
                {
                    var comparison = WithProgress(p => StressEngine.Compare(input, PlannedInput(other, requested), options, p));
                    StressOutput.WriteComparison(comparison, (loaded, parse.GetValue(book)!), (other, parse.GetValue(compare)!), parse.GetValue(json));
                }
                else if (parse.GetValue(tornado))
                {
                    var metric = parse.GetValue(tornadoMetric) switch { "p-loss" => TornadoMetric.ProbabilityOfLoss, "var95" => TornadoMetric.Var95, _ => TornadoMetric.Mean };
                    var chart = WithProgress(p => StressEngine.Tornado(input, metric: metric, options: options, progress: p));
                    StressOutput.WriteTornado(chart, loaded, parse.GetValue(json));
                }
                else
                {
                    var result = WithProgress(p => StressEngine.Run(input, options, p));
                    StressOutput.WriteResult(result, loaded, parse.GetValue(json));
                }
            }
            catch (PlanningException e)
            {
                Console.Error.WriteLine($"{parse.GetValue(book)}: {e.Message}");
                return ExitCodes.BadInput;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    // One line per glossary entry: "  boom_to_cooling  Chance a boom turns to cooling. Chance per period ...".
    private static string Glossary() =>
        string.Join(Environment.NewLine, StressGlossary.Entries.Select(e => $"  {e.Key,-32} {e.Label}. {e.Definition}"));

    /// <summary>The capacity each contract gets is what the plan allocates it under the chosen policy.</summary>
    private static StressInput PlannedInput(Book book, string? policy)
    {
        var plan = new FlowPlanner().Allocate(book, PolicyOption.Resolve(policy, book));
        return PlannedCapacity.ToStressInput(book, plan);
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on stderr when stderr is a terminal; silently otherwise.</summary>
    private static T WithProgress<T>(Func<IProgress<double>?, T> work)
    {
        if (Console.IsErrorRedirected)
        {
            return work(null);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("simulating futures", maxValue: 1.0);
            result = work(new Progress<double>(fraction => task.Value = fraction));
            task.Value = 1.0;
        });
        return result;
    }
}
