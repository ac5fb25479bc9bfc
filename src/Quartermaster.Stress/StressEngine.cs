using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// Runs the Monte Carlo stress of a book (docs/stress-model.md): <see cref="Run"/> one book,
/// <see cref="Compare"/> two books on common random numbers, <see cref="Tornado"/> the sensitivity
/// to each key input. Results are bit-identical for any thread count and chunk size.
/// </summary>
public static partial class StressEngine
{
    /// <summary>Simulates the paths of <paramref name="input"/> and summarises them.</summary>
    /// <param name="input">The book and the MW allocated to each contract in each month.</param>
    /// <param name="options">Paths, seed, threads and chunking; null for <see cref="StressOptions.Default"/>.</param>
    /// <param name="progress">Receives the fraction of paths done (0 to 1) after each chunk, from worker threads.</param>
    /// <param name="cancellationToken">Stops the run between chunks (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentException">The input is not valid (see <see cref="StressInput.Problems"/>).</exception>
    public static StressResult Run(StressInput input, StressOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Execute(input, options ?? StressOptions.Default, progress, 0, 1, cancellationToken).Summarise();
    }

    /// <summary>
    /// Simulates the paths of <paramref name="input"/> for their payoffs alone: the payoff lines of <see cref="Run"/>, the
    /// same bits, without the fan charts, cash flow, payback, IRR and win-either-way table that only a full result
    /// carries, and so in less time. For a question about the payoff distribution only (a tornado asks many).
    /// </summary>
    /// <inheritdoc cref="Run" path="/param"/>
    /// <exception cref="ArgumentException">The input is not valid (see <see cref="StressInput.Problems"/>).</exception>
    public static PayoffLines<PayoffSummary> Payoffs(StressInput input, StressOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Execute(input, options ?? StressOptions.Default, progress, 0, 1, cancellationToken, payoffsOnly: true).PayoffSummaries();
    }

    /// <summary>Recomputes path <paramref name="path"/> of a run alone, exactly as the full run computes it.</summary>
    public static PathTotals Path(StressInput input, long path, StressOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var seed = options?.Seed ?? input.Book.Scenario.Seed;
        return new PathSimulator(new StressModel(input), seed).Simulate(path);
    }

    /// <summary>
    /// Runs <paramref name="a"/> and <paramref name="b"/> on the same paths with the same draws
    /// (a tenant's draws follow its id, so a tenant present in both books sees the same future) and
    /// reports the paired difference B - A of each payoff line. Paths and seed come from <paramref name="options"/> or else from book A.
    /// </summary>
    public static StressComparison Compare(StressInput a, StressInput b, StressOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var common = Common(a, options);
        var runA = Execute(a, common, progress, 0, 2, cancellationToken);
        var runB = Execute(b, common, progress, 1, 2, cancellationToken);
        var difference = PayoffLines<PairedDifference>.Of(line => Paired(runA.Line(line), runB.Line(line)));
        return new StressComparison(runA.Summarise(), runB.Summarise(), difference)
        {
            Risk = PayoffLines<RiskChange>.Of(line => RiskChanges.Of(runA.Line(line), runB.Line(line), difference[line])),
        };
    }

    private static PairedDifference Paired(double[] a, double[] b)
    {
        var differences = new double[a.Length];
        var bBetter = 0;
        for (var p = 0; p < differences.Length; p++)
        {
            differences[p] = b[p] - a[p];
            bBetter += differences[p] > 0 ? 1 : 0;
        }
        var (mean, standardError) = PayoffSummary.MeanAndStandardError(differences);
        return new PairedDifference(mean, standardError, mean - (PayoffSummary.Z95 * standardError), mean + (PayoffSummary.Z95 * standardError),
            (double)bBetter / differences.Length);
    }

    /// <summary>
    /// Moves each of <paramref name="inputs"/> (default <see cref="TornadoInputs.Default"/>) one step down and up,
    /// reruns on common random numbers, and measures <paramref name="metric"/> of the operating book, the stakes and
    /// the total; bars are ranked by the swing of the total. The allocation is kept as given: a tornado asks what
    /// the same plan earns in another world.
    /// </summary>
    public static TornadoChart Tornado(
        StressInput input,
        IReadOnlyList<TornadoInput>? inputs = null,
        TornadoMetric metric = TornadoMetric.Mean,
        StressOptions? options = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        inputs ??= TornadoInputs.Default;
        var common = Common(input, options);
        var runs = 1 + (2 * inputs.Count);
        // Only the payoffs are measured, so the runs leave out fan charts and cash flow.
        var baseline = Measure(Execute(input, common, progress, 0, runs, cancellationToken, payoffsOnly: true), metric);
        var bars = new List<TornadoBar>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var low = Measure(Execute(input with { Book = inputs[i].Apply(input.Book, -1) }, common, progress, 1 + (2 * i), runs, cancellationToken, payoffsOnly: true), metric);
            var high = Measure(Execute(input with { Book = inputs[i].Apply(input.Book, +1) }, common, progress, 2 + (2 * i), runs, cancellationToken, payoffsOnly: true), metric);
            bars.Add(new TornadoBar(inputs[i].Name, inputs[i].Label, inputs[i].Step,
                PayoffLines<TornadoSwing>.Of(line => new TornadoSwing(low[line], high[line], Math.Abs(high[line] - low[line])))));
        }
        return new TornadoChart(metric, baseline, common.Paths!.Value, bars.OrderByDescending(b => b.Effect.Total.Swing).ToValueList());
    }

    // The tornado metric of each payoff line of a run.
    private static PayoffLines<double> Measure(ScenarioRun run, TornadoMetric metric) => PayoffLines<double>.Of(line =>
    {
        var values = run.Line(line);
        switch (metric)
        {
            case TornadoMetric.ProbabilityOfLoss:
                return PayoffSummary.LossFraction(values);
            case TornadoMetric.Var95:
                var sorted = (double[])values.Clone();
                PathSort.Sort(sorted);
                return -PayoffSummary.Percentile(sorted, 0.05);
            default:
                return PayoffSummary.MeanAndStandardError(values).Mean;
        }
    });

    private static ScenarioRun Execute(StressInput input, StressOptions options, IProgress<double>? progress, int index, int runs, CancellationToken cancellationToken,
        bool payoffsOnly = false)
    {
        var model = new StressModel(input);
        var paths = options.Paths ?? input.Book.Scenario.Paths;
        var seed = options.Seed ?? input.Book.Scenario.Seed;
        var threads = options.Threads ?? Environment.ProcessorCount;
        Action<int>? pathsDone = null;
        if (progress is not null)
        {
            // Run `index` of `runs` covers [index / runs, (index + 1) / runs] of the whole job.
            long done = 0;
            pathsDone = n => progress.Report((index + (Interlocked.Add(ref done, n) / (double)paths)) / runs);
        }
        return ScenarioRun.Execute(model, seed, paths, threads, options.ChunkPaths, pathsDone, cancellationToken, payoffsOnly);
    }

    // Fixes paths and seed from the first book so every run of a comparison or tornado shares them.
    private static StressOptions Common(StressInput input, StressOptions? options)
    {
        options ??= StressOptions.Default;
        return options with { Paths = options.Paths ?? input.Book.Scenario.Paths, Seed = options.Seed ?? input.Book.Scenario.Seed };
    }
}
