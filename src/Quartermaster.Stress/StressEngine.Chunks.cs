namespace Quartermaster.Stress;

/// <summary>A run in chunks: <see cref="RunChunk"/> simulates a range of paths anywhere, <see cref="Merge"/> puts the ranges back.</summary>
public static partial class StressEngine
{
    /// <summary>
    /// Simulates paths [<paramref name="firstPath"/>, <paramref name="firstPath"/> + <paramref name="pathCount"/>) of the run
    /// <see cref="Run"/> would make with the same input and options; <see cref="Merge"/> of chunks covering every path gives
    /// that run's result, bit for bit. The options' paths bound the range; their threads and chunking only set the speed.
    /// </summary>
    /// <param name="input">The book and its allocation.</param>
    /// <param name="options">Paths, seed, threads and chunking; null for <see cref="StressOptions.Default"/>.</param>
    /// <param name="firstPath">The first path, a multiple of <see cref="StressOptions.BlockPaths"/>.</param>
    /// <param name="pathCount">Paths in the chunk, at least 1; the chunk must end within the run's paths.</param>
    /// <param name="progress">Receives the fraction of the chunk's paths done (0 to 1), from worker threads.</param>
    /// <param name="cancellationToken">Stops the chunk between parts (throws <see cref="OperationCanceledException"/>).</param>
    public static StressChunk RunChunk(StressInput input, StressOptions? options, int firstPath, int pathCount, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= StressOptions.Default;
        var paths = options.Paths ?? input.Book.Scenario.Paths;
        if (firstPath < 0 || pathCount < 1 || firstPath + (long)pathCount > paths)
        {
            throw new ArgumentOutOfRangeException(nameof(pathCount), $"paths {firstPath} to {firstPath + (long)pathCount - 1} are not within a run of {paths}");
        }
        Action<int>? pathsDone = null;
        if (progress is not null)
        {
            long done = 0;
            pathsDone = n => progress.Report(Interlocked.Add(ref done, n) / (double)pathCount);
        }
        return ScenarioRun.ExecuteChunk(new StressModel(input), options.Seed ?? input.Book.Scenario.Seed, firstPath, pathCount,
            options.Threads ?? Environment.ProcessorCount, options.ChunkPaths, pathsDone, cancellationToken);
    }

    /// <summary>
    /// Merges chunks from <see cref="RunChunk"/> that cover every path of the run exactly once, in any order, into the
    /// result <see cref="Run"/> gives for the same input and options, bit for bit.
    /// </summary>
    /// <exception cref="ArgumentException">The chunks leave a gap or overlap, or come from another seed or model.</exception>
    public static StressResult Merge(StressInput input, StressOptions? options, IEnumerable<StressChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(chunks);
        options ??= StressOptions.Default;
        return ScenarioRun.Merge(new StressModel(input), options.Seed ?? input.Book.Scenario.Seed, options.Paths ?? input.Book.Scenario.Paths,
            options.Threads ?? Environment.ProcessorCount, chunks).Summarise();
    }
}
