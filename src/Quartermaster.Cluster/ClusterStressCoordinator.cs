using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Quartermaster.Documents;
using Quartermaster.Storage;
using Quartermaster.Stress;

namespace Quartermaster.Cluster;

/// <summary>
/// Coordinates one stress run over the cluster: plans the book, splits the paths into chunks of whole blocks, sends each
/// chunk to a grain keyed (run, chunk, attempt) so Orleans spreads them over the silos, stores each result as it
/// arrives, and merges them in path order into the result <c>qm stress --json</c> prints for the same book, byte for
/// byte. Chunks stored by an earlier coordinator are not run again; a chunk whose silo died is sent again to another.
/// While it runs, it renews its lease on the run and polls the stored cancel request, so the run can be cancelled from
/// any instance and taken over by another when this one dies.
/// </summary>
public sealed partial class ClusterStressCoordinator(IGrainFactory grains, IBookStore store, ClusterSettings settings, TimeProvider clock, ILogger<ClusterStressCoordinator> log)
{
    /// <summary>
    /// Attempts per chunk before the run fails. Until the cluster declares a dead silo dead (a few probe timeouts), calls
    /// that touch it fail fast (placement, directory); the attempts back off to 5 s apart to outlast that.
    /// </summary>
    public const int MaxAttempts = 12;

    /// <summary>The name this coordinator holds run leases under: host, process and a random part, unique in the cluster.</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Runs <paramref name="runId"/> of the book <paramref name="bookYaml"/> to its result; the caller has claimed the
    /// run's lease (<see cref="IBookStore.ClaimStressRunAsync"/>) under <see cref="Name"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled here or by a stored cancel request from any instance.</exception>
    /// <exception cref="LeaseLostException">Another instance took the run over (this one was thought dead).</exception>
    public async Task<(StressRunResult Result, ClusterRunStats Stats)> RunAsync(string runId, string bookYaml, StressOptions? options, IProgress<double> progress,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var wall = Stopwatch.StartNew();
        var book = ClusterStress.Read(bookYaml, runId);
        var input = ClusterStress.Plan(book);
        var paths = options?.Paths ?? book.Scenario.Paths;
        var seed = options?.Seed ?? book.Scenario.Seed;
        var common = new StressOptions(paths, seed, options?.Threads);
        var ranges = StressChunk.Ranges(paths, settings.ChunkPaths);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var watch = WatchLeaseAsync(runId, stop);
        try
        {
            var done = new ConcurrentDictionary<int, StressChunk>();
            foreach (var stored in await store.ListStressChunksAsync(AccessScope.System, runId, stop.Token))
            {
                done[stored.FirstPath] = StressChunk.FromBytes(stored.Result);
            }
            var fromStore = done.Count;
            long pathsDone = done.Values.Sum(c => (long)c.PathCount);
            progress.Report((double)pathsDone / paths);
            var silos = await LiveSilosAsync();
            var bySilo = new ConcurrentDictionary<string, int>();
            double simulation = 0, overhead = 0, persist = 0;
            var retries = 0;
            // Two chunks in flight per silo: one running, one queued behind it, so no silo waits on the coordinator.
            using var window = new SemaphoreSlim(Math.Max(2, 2 * silos));
            var work = ranges.Select((r, index) => (r.FirstPath, r.PathCount, Index: index)).Where(r => !done.ContainsKey(r.FirstPath)).Select(async r =>
            {
                await window.WaitAsync(stop.Token);
                try
                {
                    var item = new ChunkWork(runId, bookYaml, [.. input.AllocatedMwByContract], paths, seed, r.FirstPath, r.PathCount);
                    for (var attempt = 0; ; attempt++)
                    {
                        var call = Stopwatch.StartNew();
                        ChunkDone result;
                        try
                        {
                            result = await grains.GetGrain<IStressChunkGrain>(StressChunkGrain.Key(runId, r.Index, attempt)).RunAsync(item, stop.Token);
                        }
                        catch (Exception e) when (!stop.IsCancellationRequested && attempt + 1 < MaxAttempts && e is not OperationCanceledException)
                        {
                            Interlocked.Increment(ref retries);
                            LogChunkRetry(log, e, runId, r.Index, attempt + 1);
                            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 << Math.Min(attempt, 5))), clock, stop.Token);
                            continue;
                        }
                        var roundTrip = call.Elapsed.TotalMilliseconds;
                        var saving = Stopwatch.StartNew();
                        await store.SaveStressChunkAsync(AccessScope.System, new StoredStressChunk(runId, r.FirstPath, r.PathCount, result.Silo, result.Chunk), stop.Token);
                        var saved = saving.Elapsed.TotalMilliseconds;
                        done[r.FirstPath] = StressChunk.FromBytes(result.Chunk);
                        bySilo.AddOrUpdate(result.Silo, 1, (_, n) => n + 1);
                        lock (done)
                        {
                            simulation += result.Milliseconds;
                            // A queued chunk's wait for its silo's turn is not coordination: what is left is scheduling and transfer.
                            overhead += Math.Max(0, roundTrip - result.Milliseconds - result.QueuedMilliseconds);
                            persist += saved;
                        }
                        progress.Report((double)Interlocked.Add(ref pathsDone, r.PathCount) / paths);
                        return;
                    }
                }
                finally
                {
                    window.Release();
                }
            }).ToList();
            await Task.WhenAll(work);
            var merging = Stopwatch.StartNew();
            var stress = StressEngine.Merge(input, common, done.Values);
            var result = new StressRunResult(StressDocument.Of(stress, book), StressChartData.Of(book, stress, tornado: null));
            var mergeMs = merging.Elapsed.TotalMilliseconds;
            var ran = Math.Max(1, ranges.Count - fromStore);
            var stats = new ClusterRunStats(paths, ranges.Count, fromStore, retries, new Dictionary<string, int>(bySilo), wall.Elapsed.TotalSeconds,
                simulation / 1000, overhead / ran, persist / ran, mergeMs / ranges.Count);
            LogRunDone(log, runId, stats.Chunks, stats.ChunksFromStore, stats.Retries, bySilo.Count, stats.WallSeconds, stats.CallOverheadMs, stats.PersistMs, stats.MergeMs);
            return (result, stats);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested && _leaseLost)
        {
            throw new LeaseLostException(runId);
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }
    }

    private volatile bool _leaseLost;

    // Polls the stored cancel request every CancelPollInterval and renews the lease at a third of its length; stops the
    // run when either says so. A cancel sent to another instance thus bites within about a second.
    private async Task WatchLeaseAsync(string runId, CancellationTokenSource stop)
    {
        var lease = new StressRunLeaseKeeper(store, runId, Name, settings.LeaseDuration, clock);
        using var timer = new PeriodicTimer(settings.CancelPollInterval < lease.RenewEvery ? settings.CancelPollInterval : lease.RenewEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (!await lease.RenewIfDueAsync(stop.Token))
                {
                    _leaseLost = true;
                    await stop.CancelAsync();
                    return;
                }
                if (await store.StressRunCancelRequestedAsync(AccessScope.System, runId, stop.Token))
                {
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private async Task<int> LiveSilosAsync()
    {
        try
        {
            return (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
        }
#pragma warning disable CA1031 // The window is a speed setting: without the silo count, one per silo of a small cluster will do.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stress run {RunId}: chunk {Chunk} failed, sending it again (attempt {Attempt})")]
    private static partial void LogChunkRetry(ILogger log, Exception error, string runId, int chunk, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Stress run {RunId}: {Chunks} chunks ({FromStore} from the store, {Retries} retried) on {Silos} silos in {Seconds:F2} s; per chunk: call {CallMs:F1} ms, persist {PersistMs:F1} ms, merge {MergeMs:F1} ms")]
    private static partial void LogRunDone(ILogger log, string runId, int chunks, int fromStore, int retries, int silos, double seconds, double callMs, double persistMs, double mergeMs);
}

/// <summary>Another instance took over the run this coordinator was running: it must stop without writing the run's end.</summary>
public sealed class LeaseLostException(string runId) : Exception($"another instance took over stress run {runId}")
{
    /// <summary>The run taken over.</summary>
    public string RunId { get; } = runId;
}
