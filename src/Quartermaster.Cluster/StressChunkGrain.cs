using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Stress;

namespace Quartermaster.Cluster;

/// <summary>
/// Runs one chunk on the silo Orleans placed it on. A silo runs one chunk at a time on all its cores (the engine's own
/// threads), so chunks queue on a silo rather than fight over its cores, and a silo's speed is the engine's.
/// </summary>
[ChunkPlacement]
internal sealed class StressChunkGrain(ILocalSiloDetails silo, ChunkTurn turn) : Grain, IStressChunkGrain
{
    // The inputs of the last few runs, so a silo reads a run's book once.
    private static readonly ConcurrentDictionary<string, Lazy<StressInput>> Inputs = new();

    /// <summary>The grain key of chunk <paramref name="index"/> of <paramref name="runId"/>, tried the <paramref name="attempt"/>-th time (0 first).</summary>
    public static string Key(string runId, int index, int attempt) => string.Create(CultureInfo.InvariantCulture, $"{runId}/{index}/{attempt}");

    /// <summary>The chunk index and attempt in a key made by <see cref="Key"/>; null for any other key.</summary>
    public static (int Index, int Attempt)? Parse(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var index) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var attempt)
            ? (index, attempt) : null;
    }

    public async Task<ChunkDone> RunAsync(ChunkWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var queued = Stopwatch.StartNew();
        await turn.WaitAsync(cancellationToken);
        var waited = queued.Elapsed.TotalMilliseconds;
        try
        {
            var clock = Stopwatch.StartNew();
            var input = InputOf(work);
            // Off the grain scheduler: the engine blocks its thread for the whole chunk.
            var chunk = await Task.Run(() => StressEngine.RunChunk(input, new StressOptions(work.Paths, work.Seed), work.FirstPath, work.PathCount,
                cancellationToken: cancellationToken), cancellationToken);
            var bytes = chunk.ToBytes();
            return new ChunkDone(bytes, silo.SiloAddress.ToParsableString(), clock.Elapsed.TotalMilliseconds, waited);
        }
        finally
        {
            turn.Release();
            // A chunk is done once: free the activation rather than keep it until idle collection.
            DeactivateOnIdle();
        }
    }

    private static StressInput InputOf(ChunkWork work)
    {
        if (Inputs.Count > 8)
        {
            Inputs.Clear();
        }
        return Inputs.GetOrAdd(work.RunId, _ => new Lazy<StressInput>(() => ClusterStress.Input(work.BookYaml, work.AllocatedMw, work.RunId))).Value;
    }
}

/// <summary>
/// One chunk at a time on a silo: a service of the silo, not a static, so in-process test silos each have their own
/// and a killed one cannot hold the others' turn.
/// </summary>
internal sealed class ChunkTurn() : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    public void Release() => _turn.Release();

    public void Dispose() => _turn.Dispose();
}
