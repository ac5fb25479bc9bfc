using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Quartermaster.Books;
using Quartermaster.Documents;
using Quartermaster.Storage;
using Xunit.Abstractions;

namespace Quartermaster.Cluster.Tests;

/// <summary>
/// The real thing on loopback: PostgreSQL, two <c>qm serve --cluster</c> and one <c>qm worker</c>, each its own process.
/// A run submitted through the API is computed on all three; the worker is killed with SIGKILL once it has finished a
/// chunk; the run completes on the two left with the bytes <c>qm stress --json</c> prints. Then a run started on one
/// instance is cancelled through the other.
/// </summary>
[Collection(ClusterTestsRunAlone.Name)]
public sealed class MultiProcessTests(PostgresServer postgres, ITestOutputHelper output) : ClusterProcesses(output), IClassFixture<PostgresServer>
{
    private const int Paths = 120_000;
    private const string LongRunBook = "long-run";
    private const string Cluster = "mp";

    [Fact]
    public async Task A_worker_killed_mid_run_leaves_the_result_byte_identical_to_qm_stress_and_cancel_works_from_the_other_instance()
    {
        var (service, owner, superuser, key) = await ClusterDatabaseAsync(postgres);
        var bookPath = Path.Combine(Directory, "book.yaml");
        await File.WriteAllTextAsync(bookPath, ClusterBooks.ExampleYaml(Paths));
        var bookId = ClusterBooks.Read(ClusterBooks.ExampleYaml(Paths)).Id;
        var workerPort = FreePort();
        string[] cluster = ["--db", service, "--db-owner", owner, "--cluster", Cluster, "--chunk-paths", "8192", "--probe-seconds", "2"];

        var a = await StartAsync("serve", ListeningLine(), [.. cluster, "--silo-port", "0", "--urls", "http://127.0.0.1:0", "--seed", bookPath, "--rate-limit", "100000", "--no-warm-up"]);
        var b = await StartAsync("serve", ListeningLine(), [.. cluster, "--silo-port", "0", "--urls", "http://127.0.0.1:0", "--rate-limit", "100000", "--no-warm-up"]);
        var worker = await StartAsync("worker", WorkerLine(), [.. cluster, "--silo-port", workerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await Wait.UntilAsync(() => ScalarAsync(superuser, "SELECT count(*) FROM cluster_silos WHERE status = 3"), n => n == 3, "three active silos");
        using var clientA = Client(a.Address!, key);
        using var clientB = Client(b.Address!, key);

        var runId = await StartRunAsync(clientA, bookId);
        await Wait.UntilAsync(() => ScalarAsync(superuser, $"SELECT count(*) FROM stress_chunks WHERE run_id = '{runId}' AND silo LIKE '127.0.0.1:{workerPort}@%'"),
            n => n >= 1, "a chunk finished by the worker");
        worker.Process.Kill();
        await worker.Process.WaitForExitAsync().WaitAsync(Wait.DefaultDeadline);
        var clock = Stopwatch.StartNew();
        // Polled on the instance that did not receive the run: state and progress come from the store.
        var done = await Wait.UntilAsync(() => GetRunAsync(clientB, runId), r => r["status"]!.GetValue<string>() is not ("queued" or "running"),
            "the run to end after the worker died", TimeSpan.FromMinutes(5));
        Output.WriteLine($"run ended {clock.Elapsed.TotalSeconds:F1} s after the worker was killed");
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        var summary = JsonSerializer.Deserialize<StressDocument>(done["result"]!["summary"]!.ToJsonString(), DocumentJson.Options)!;
        Assert.Equal(await QmStressAsync(bookPath), DocumentJson.Serialize(summary, indented: true));
        Assert.True(await ScalarAsync(superuser, $"SELECT count(*) FROM stress_chunks WHERE run_id = '{runId}'") == ClusterBooks.Chunks(Paths, 8192));

        // A second run on A, cancelled through B: B stores the request, A's coordinator sees it at its next poll. Its book
        // takes minutes to run (stored now: --seed only seeds an empty database), so the cancel always finds it running.
        using (var store = new PostgresBookStore(service, owner))
        {
            var longRun = ClusterBooks.Read(ClusterBooks.ExampleYaml(5_000_000)) with { Id = LongRunBook };
            await store.SaveBookAsync(AccessScope.System, longRun, BookWriter.Write(longRun));
        }
        var second = await StartRunAsync(clientA, LongRunBook);
        await Wait.UntilAsync(() => GetRunAsync(clientB, second), r => r["status"]!.GetValue<string>() == "running", "the second run to start");
        var cancel = await clientB.PostAsync($"/api/v1/stress-runs/{second}/cancel", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, cancel.StatusCode);
        var cancelled = await Wait.UntilAsync(() => GetRunAsync(clientB, second), r => r["status"]!.GetValue<string>() is not ("queued" or "running"), "the cancel to bite");
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
    }


    [Fact]
    public async Task An_instance_killed_while_coordinating_has_its_run_taken_over_from_the_stored_chunks()
    {
        var (service, owner, superuser, key) = await ClusterDatabaseAsync(postgres);
        var bookPath = Path.Combine(Directory, "book.yaml");
        await File.WriteAllTextAsync(bookPath, ClusterBooks.ExampleYaml(Paths));
        var bookId = ClusterBooks.Read(ClusterBooks.ExampleYaml(Paths)).Id;
        string[] cluster = ["--db", service, "--db-owner", owner, "--cluster", Cluster + "-takeover", "--chunk-paths", "8192", "--probe-seconds", "2"];
        var a = await StartAsync("serve", ListeningLine(), [.. cluster, "--silo-port", "0", "--urls", "http://127.0.0.1:0", "--seed", bookPath, "--rate-limit", "100000", "--no-warm-up"]);
        var b = await StartAsync("serve", ListeningLine(), [.. cluster, "--silo-port", "0", "--urls", "http://127.0.0.1:0", "--rate-limit", "100000", "--no-warm-up"]);
        await Wait.UntilAsync(() => ScalarAsync(superuser, "SELECT count(*) FROM cluster_silos WHERE status = 3"), n => n == 2, "two active silos");
        using var clientA = Client(a.Address!, key);
        using var clientB = Client(b.Address!, key);

        var runId = await StartRunAsync(clientA, bookId);
        await Wait.UntilAsync(() => ScalarAsync(superuser, $"SELECT count(*) FROM stress_chunks WHERE run_id = '{runId}'"), n => n >= 2, "two chunks stored");
        a.Process.Kill();
        await a.Process.WaitForExitAsync().WaitAsync(Wait.DefaultDeadline);
        var storedAtKill = await ScalarAsync(superuser, $"SELECT count(*) FROM stress_chunks WHERE run_id = '{runId}'");

        var done = await Wait.UntilAsync(() => GetRunAsync(clientB, runId), r => r["status"]!.GetValue<string>() is not ("queued" or "running"),
            "the run to be taken over and end", TimeSpan.FromMinutes(5));
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        var summary = JsonSerializer.Deserialize<StressDocument>(done["result"]!["summary"]!.ToJsonString(), DocumentJson.Options)!;
        Assert.Equal(await QmStressAsync(bookPath), DocumentJson.Serialize(summary, indented: true));
        Assert.Contains(Lines, l => l.Contains($"Stress run {runId}", StringComparison.Ordinal) && l.Contains("taken over", StringComparison.Ordinal));
        // The new coordinator started from what was stored when A died, not from scratch.
        Assert.Contains(Lines, l => l.Contains($"Stress run {runId}:", StringComparison.Ordinal)
            && Regex.Match(l, @"\((\d+) from the store") is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= storedAtKill);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("worker")]
    public async Task A_cluster_on_sqlite_is_refused_with_one_line_and_exit_two(string verb)
    {
        var start = Qm([verb, "--db", Path.Combine(Directory, "local.db"), "--cluster", "c"]);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Wait.DefaultDeadline);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal($"qm {verb}: --cluster needs PostgreSQL (--db with a connection string): the cluster keeps its silo list and each run's chunks there",
            (await stderr).TrimEnd('\n'));
        Assert.False(File.Exists(Path.Combine(Directory, "local.db")));
    }
}
