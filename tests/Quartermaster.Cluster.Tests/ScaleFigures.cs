using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Quartermaster.Storage;
using Xunit.Abstractions;

namespace Quartermaster.Cluster.Tests;

/// <summary>A measurement, not a check: runs only when <c>QM_CLUSTER_BENCH</c> names a (Release) qm.dll.</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("QM_CLUSTER_BENCH")))
        {
            Skip = "measures docs/scale.md's figures: QM_CLUSTER_BENCH=/path/to/Release/qm.dll dotnet test --filter ScaleFigures";
        }
    }
}

/// <summary>
/// The figures of docs/scale.md: the same run on 1, 2 and 3 silo processes on this machine, the coordinator's cost per
/// chunk from its log line, and the time a silo killed mid-run costs. Each configuration gets a fresh database.
/// </summary>
[Collection(ClusterTestsRunAlone.Name)]
public sealed partial class ScaleFigures(PostgresServer postgres, ITestOutputHelper output) : ClusterProcesses(output), IClassFixture<PostgresServer>
{
    private const int Paths = 400_000;
    private const int ChunkPaths = 16_384;

    [BenchFact]
    public async Task Paths_per_second_on_one_two_and_three_silos_and_the_cost_of_a_killed_silo()
    {
        Output.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}; {Paths} paths in chunks of {ChunkPaths}");
        var local = Stopwatch.StartNew();
        var bookPath = Path.Combine(Directory, "book.yaml");
        await File.WriteAllTextAsync(bookPath, ClusterBooks.ExampleYaml(Paths));
        await QmStressAsync(bookPath);
        Output.WriteLine($"qm stress (one process, no cluster): {local.Elapsed.TotalSeconds:F1} s, {Paths / local.Elapsed.TotalSeconds:F0} paths/s (process start and planning included)");
        for (var silos = 1; silos <= 3; silos++)
        {
            await MeasureAsync(bookPath, silos, kill: false);
        }
        await MeasureAsync(bookPath, 3, kill: true);
        Output.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private async Task MeasureAsync(string bookPath, int silos, bool kill)
    {
        var (service, owner, superuser, key) = await ClusterDatabaseAsync(postgres);
        var name = $"bench{silos}{(kill ? "k" : "")}";
        string[] cluster = ["--db", service, "--db-owner", owner, "--cluster", name, "--chunk-paths", ChunkPaths.ToString(CultureInfo.InvariantCulture), "--probe-seconds", "2"];
        var serve = await StartAsync("serve", ListeningLine(), [.. cluster, "--silo-port", "0", "--urls", "http://127.0.0.1:0", "--seed", bookPath, "--rate-limit", "100000", "--no-warm-up"]);
        var workers = new List<(Process Process, int Port)>();
        for (var w = 1; w < silos; w++)
        {
            var port = FreePort();
            workers.Add(((await StartAsync("worker", WorkerLine(), [.. cluster, "--silo-port", port.ToString(CultureInfo.InvariantCulture)])).Process, port));
        }
        await Wait.UntilAsync(() => ScalarAsync(superuser, "SELECT count(*) FROM cluster_silos WHERE status = 3"), n => n == silos, $"{silos} active silos");
        using var client = Client(serve.Address!, key);
        var bookId = ClusterBooks.Read(await File.ReadAllTextAsync(bookPath)).Id;
        var clock = Stopwatch.StartNew();
        var runId = await StartRunAsync(client, bookId);
        if (kill)
        {
            var victim = workers[^1];
            await Wait.UntilAsync(() => ScalarAsync(superuser, $"SELECT count(*) FROM stress_chunks WHERE run_id = '{runId}' AND silo LIKE '127.0.0.1:{victim.Port}@%'"),
                n => n >= 1, "a chunk finished by the worker to kill");
            victim.Process.Kill();
        }
        var done = await Wait.UntilAsync(() => GetRunAsync(client, runId), r => r["status"]!.GetValue<string>() is not ("queued" or "running"), "the run", TimeSpan.FromMinutes(10));
        var seconds = clock.Elapsed.TotalSeconds;
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        var line = await Wait.UntilAsync(() => Task.FromResult(Lines.LastOrDefault(l => l.Contains(runId, StringComparison.Ordinal) && l.Contains("per chunk", StringComparison.Ordinal))),
            l => l is not null, "the coordinator's figures");
        Output.WriteLine($"FIGURE silos={silos} killed={kill} api_seconds={seconds:F2} paths_per_second={Paths / seconds:F0} :: {Stats().Match(line!).Value}");
        foreach (var (process, _) in workers)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        serve.Process.Kill();
    }

    [GeneratedRegex(@"\d+ chunks.*")]
    private static partial Regex Stats();
}
