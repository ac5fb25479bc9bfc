namespace Quartermaster.Stress;

/// <summary>
/// A run split into chunks of whole blocks, simulated apart (other threads, other processes) and merged: each chunk
/// keeps the per-path arrays, block sums and sketch counts of its paths, so the merged run is the run, bit for bit.
/// </summary>
internal sealed partial class ScenarioRun
{
    /// <summary>Simulates paths [<paramref name="firstPath"/>, <paramref name="firstPath"/> + <paramref name="pathCount"/>) as <see cref="Execute"/> would.</summary>
    public static StressChunk ExecuteChunk(StressModel model, ulong seed, int firstPath, int pathCount, int threads, int chunkPaths, Action<int>? pathsDone,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(pathCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (firstPath % StressOptions.BlockPaths != 0)
        {
            throw new ArgumentException($"a chunk starts on a whole block of {StressOptions.BlockPaths} paths, not at path {firstPath}", nameof(firstPath));
        }
        // A run of the chunk's length holds its paths at [path - firstPath]; as firstPath is on a block boundary, its
        // blocks are the run's blocks shifted by firstPath / BlockPaths.
        var run = new ScenarioRun(model, seed, pathCount, threads);
        run.SimulateAll(firstPath, chunkPaths, pathsDone, cancellationToken);
        return new StressChunk(seed, firstPath, pathCount, run.Operating, run.Stakes, run.Outcomes, run.Payback, run.Irr, run._blockSums,
            run.Fan.Counts.ToArray(), run.Cash.Counts.ToArray());
    }

    /// <summary>
    /// Puts chunks covering paths [0, <paramref name="paths"/>) back into one run, in path order whatever their order here.
    /// </summary>
    /// <exception cref="ArgumentException">The chunks do not tile the paths exactly, or were not made for this model and seed.</exception>
    public static ScenarioRun Merge(StressModel model, ulong seed, int paths, int threads, IEnumerable<StressChunk> chunks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        var run = new ScenarioRun(model, seed, paths, threads);
        var next = 0;
        foreach (var chunk in chunks.OrderBy(c => c.FirstPath))
        {
            if (chunk.FirstPath != next || chunk.FirstPath + (long)chunk.PathCount > paths)
            {
                throw new ArgumentException($"chunks do not tile {paths} paths: expected one from path {next}, got {chunk.PathCount} paths from {chunk.FirstPath}", nameof(chunks));
            }
            if (chunk.Seed != seed)
            {
                throw new ArgumentException($"a chunk from seed {chunk.Seed} in a run of seed {seed}", nameof(chunks));
            }
            var blocks = (chunk.PathCount + StressOptions.BlockPaths - 1) / StressOptions.BlockPaths;
            if (chunk.BlockSums.Length != blocks * run._width)
            {
                throw new ArgumentException($"a chunk of {chunk.BlockSums.Length} block sums where this model has {blocks * run._width}", nameof(chunks));
            }
            chunk.Operating.CopyTo(run.Operating, chunk.FirstPath);
            chunk.Stakes.CopyTo(run.Stakes, chunk.FirstPath);
            chunk.Outcomes.CopyTo(run.Outcomes, chunk.FirstPath);
            chunk.Payback.CopyTo(run.Payback, chunk.FirstPath);
            chunk.Irr.CopyTo(run.Irr, chunk.FirstPath);
            chunk.BlockSums.CopyTo(run._blockSums, chunk.FirstPath / StressOptions.BlockPaths * run._width);
            run.Fan.AddCounts(chunk.FanCounts);
            run.Cash.AddCounts(chunk.CashCounts);
            next = chunk.FirstPath + chunk.PathCount;
        }
        if (next != paths)
        {
            throw new ArgumentException($"chunks cover {next} of {paths} paths", nameof(chunks));
        }
        return run;
    }
}
