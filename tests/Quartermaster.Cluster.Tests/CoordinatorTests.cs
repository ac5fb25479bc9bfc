using Quartermaster.Storage;
using Quartermaster.Stress;

namespace Quartermaster.Cluster.Tests;

/// <summary>The coordinator over a three-silo in-process cluster: spread, merge, persistence, takeover, cancel, failover.</summary>
[Collection(ClusterTestsRunAlone.Name)]
public sealed class CoordinatorTests
{
    private const int Paths = 3000;
    private static readonly string Yaml = ClusterBooks.ExampleYaml(Paths);
    private static readonly string Expected = ClusterBooks.LocalDocument(Yaml);

    [Fact]
    public async Task A_run_spread_over_three_silos_gives_qm_stress_bytes_and_stores_every_chunk()
    {
        await using var cluster = await InProcessCluster.StartAsync(3);
        var runId = await cluster.NewRunAsync(Yaml);
        var reports = new List<double>();

        var (result, stats) = await cluster.Coordinator().RunAsync(runId, Yaml, null, new Recorder(reports), CancellationToken.None);

        Assert.Equal(Expected, ClusterBooks.Document(result));
        // 3000 paths in chunks of 256: 12 chunks, dealt round the 3 silos.
        Assert.Equal(12, stats.Chunks);
        Assert.Equal(3, stats.ChunksBySilo.Count);
        Assert.All(stats.ChunksBySilo.Values, n => Assert.Equal(4, n));
        Assert.Equal(12, (await cluster.Store.ListStressChunksAsync(AccessScope.System, runId)).Count);
        Assert.Equal(1.0, reports.Max());
    }

    [Fact]
    public async Task A_coordinator_taking_a_run_over_reuses_the_stored_chunks_and_gives_the_same_bytes()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var runId = await cluster.NewRunAsync(Yaml);
        // The first coordinator finished and stored chunks 0 to 4 before it died.
        var input = ClusterStress.Plan(ClusterBooks.Read(Yaml));
        foreach (var (first, count) in StressChunk.Ranges(Paths, 256).Take(5))
        {
            var chunk = StressEngine.RunChunk(input, null, first, count);
            await cluster.Store.SaveStressChunkAsync(AccessScope.System, new StoredStressChunk(runId, first, count, "gone", chunk.ToBytes()));
        }

        var (result, stats) = await cluster.Coordinator().RunAsync(runId, Yaml, null, new Recorder([]), CancellationToken.None);

        Assert.Equal(Expected, ClusterBooks.Document(result));
        Assert.Equal((5, 7), (stats.ChunksFromStore, stats.ChunksBySilo.Values.Sum()));
    }

    [Fact]
    public async Task A_silo_killed_mid_run_leaves_the_run_to_the_others_with_the_same_bytes()
    {
        await using var cluster = await InProcessCluster.StartAsync(3);
        var yaml = ClusterBooks.ExampleYaml(80_000);
        var runId = await cluster.NewRunAsync(yaml);
        var victim = cluster.Cluster.SecondarySilos[0];
        var killed = 0;
        // At the first chunk in, the victim is killed while chunks dealt to it are queued or running there.
        var progress = new Recorder([], p =>
        {
            if (p > 0 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                cluster.Cluster.KillSiloAsync(victim).GetAwaiter().GetResult();
            }
        });

        var (result, stats) = await cluster.Coordinator(InProcessCluster.Settings with { ChunkPaths = 2048 }).RunAsync(runId, yaml, null, progress, CancellationToken.None)
            .WaitAsync(Wait.DefaultDeadline);

        Assert.Equal(ClusterBooks.LocalDocument(yaml), ClusterBooks.Document(result));
        // 40 chunks dealt round 3 silos: the victim's share was 13 or 14 (enough that it cannot finish them all before
        // the kill at the first chunk in, however fast the engine); the others ran what it did not finish.
        Assert.Equal(40, stats.ChunksBySilo.Values.Sum());
        Assert.True(stats.ChunksBySilo.GetValueOrDefault(victim.SiloAddress.ToParsableString()) < 13, "the killed silo did its whole share");
    }

    [Fact]
    public async Task A_cancel_request_stored_by_another_instance_stops_the_run()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var yaml = ClusterBooks.ExampleYaml(200_000);
        var runId = await cluster.NewRunAsync(yaml);
        var coordinator = cluster.Coordinator();
        var now = TimeProvider.System.GetUtcNow();
        Assert.True(await cluster.Store.ClaimStressRunAsync(AccessScope.System, runId, coordinator.Name, now, now + InProcessCluster.Settings.LeaseDuration));
        var started = new TaskCompletionSource();
        var running = coordinator.RunAsync(runId, yaml, null, new Recorder([], p => started.TrySetResult()), CancellationToken.None);
        await started.Task.WaitAsync(Wait.DefaultDeadline);

        // What the API does on any instance: the audit entry and the stored request.
        var run = (await cluster.Store.GetStressRunAsync(AccessScope.System, runId))!;
        await cluster.Store.RecordStressRunCancelAsync(AccessScope.System, run);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Wait.DefaultDeadline));
    }

    [Fact]
    public async Task A_coordinator_whose_lease_another_instance_took_stops_with_lease_lost()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var yaml = ClusterBooks.ExampleYaml(200_000);
        var runId = await cluster.NewRunAsync(yaml);
        var coordinator = cluster.Coordinator();
        var started = new TaskCompletionSource();
        // Never claimed by this coordinator and held by another: its first renewal fails.
        var now = TimeProvider.System.GetUtcNow();
        Assert.True(await cluster.Store.ClaimStressRunAsync(AccessScope.System, runId, "other-instance", now, now + TimeSpan.FromHours(1)));

        var running = coordinator.RunAsync(runId, yaml, null, new Recorder([], p => started.TrySetResult()), CancellationToken.None);

        await Assert.ThrowsAsync<LeaseLostException>(() => running.WaitAsync(Wait.DefaultDeadline));
    }

    private sealed class Recorder(List<double> reports, Action<double>? then = null) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
            then?.Invoke(value);
        }
    }
}

/// <summary>Cluster tests start silos and multi-core runs: they run one at a time, not beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterTestsRunAlone
{
    public const string Name = "cluster tests, alone";
}
