using System.CommandLine;
using Quartermaster.Analysis;
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
        var tornado = new Option<bool>("--tornado") { Description = "Vary each key input up and down by a stated step and rank the effect on mean payoff." };
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
            The model and every parameter are described in docs/stress-model.md.
            """)
        { book, paths, seed, threads, chunk, policy, compare, tornado, json };
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
                var chosen = PolicyOption.Resolve(requested, loaded);
                if (other is not null)
                {
                    var comparison = WithProgress(p => PlannedStress.Compare(loaded, other, chosen, options, p));
                    StressOutput.WriteComparison(comparison, (loaded, parse.GetValue(book)!), (other, parse.GetValue(compare)!), parse.GetValue(json));
                }
                else if (parse.GetValue(tornado))
                {
                    var chart = WithProgress(p => PlannedStress.Tornado(loaded, chosen, options, p));
                    StressOutput.WriteTornado(chart, loaded, parse.GetValue(json));
                }
                else
                {
                    var run = WithProgress(p => PlannedStress.Run(loaded, chosen, options, p));
                    StressOutput.WriteResult(run.Result, loaded, parse.GetValue(json));
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
