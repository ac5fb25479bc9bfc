using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
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
public sealed partial class MultiProcessTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>, IDisposable
{
    private const int Paths = 120_000;
    private const string Cluster = "mp";
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-cluster-mp-").FullName;
    private readonly List<Process> _processes = [];

    [Fact]
    public async Task A_worker_killed_mid_run_leaves_the_result_byte_identical_to_qm_stress_and_cancel_works_from_the_other_instance()
    {
        var (service, owner) = postgres.CreateDatabase();
        var superuser = postgres.Superuser(new NpgsqlConnectionStringBuilder(service).Database!);
        string key;
        using (var store = new PostgresBookStore(service, owner))
        {
            await store.MigrateAsync();
            key = (await store.CreateKeyAsync(AccessScope.System, Role.Admin, null)).Key;
        }
        var bookPath = Path.Combine(_directory, "book.yaml");
        await File.WriteAllTextAsync(bookPath, ClusterBooks.ExampleYaml(Paths));
        var bookId = ClusterBooks.Read(ClusterBooks.ExampleYaml(Paths)).Id;
        var workerPort = FreePort();
        string[] cluster = ["--db", service, "--db-owner", owner, "--cluster", Cluster, "--chunk-paths", "8192", "--probe-seconds", "2"];

        var a = await StartAsync("serve", Listening(), [.. cluster, "--silo-port", "0", "--urls", "http://127.0.0.1:0", "--seed", bookPath, "--rate-limit", "100000"]);
        var b = await StartAsync("serve", Listening(), [.. cluster, "--silo-port", "0", "--urls", "http://127.0.0.1:0", "--rate-limit", "100000"]);
        var worker = await StartAsync("worker", WorkerUp(), [.. cluster, "--silo-port", workerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
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
        output.WriteLine($"run ended {clock.Elapsed.TotalSeconds:F1} s after the worker was killed");
        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        var summary = JsonSerializer.Deserialize<StressDocument>(done["result"]!["summary"]!.ToJsonString(), DocumentJson.Options)!;
        Assert.Equal(await QmStressAsync(bookPath), DocumentJson.Serialize(summary, indented: true));
        Assert.True(await ScalarAsync(superuser, $"SELECT count(*) FROM stress_chunks WHERE run_id = '{runId}'") == ClusterBooks.Chunks(Paths, 8192));

        // A second run on A, cancelled through B: B stores the request, A's coordinator sees it at its next lease renewal.
        var second = await StartRunAsync(clientA, bookId);
        await Wait.UntilAsync(() => GetRunAsync(clientB, second), r => r["status"]!.GetValue<string>() == "running", "the second run to start");
        var cancel = await clientB.PostAsync($"/api/v1/stress-runs/{second}/cancel", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, cancel.StatusCode);
        var cancelled = await Wait.UntilAsync(() => GetRunAsync(clientB, second), r => r["status"]!.GetValue<string>() is not ("queued" or "running"), "the cancel to bite");
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
    }

    private static async Task<string> StartRunAsync(HttpClient client, string bookId)
    {
        var response = await client.PostAsync($"/api/v1/books/{bookId}/stress-runs", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["run_id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> GetRunAsync(HttpClient client, string runId) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/stress-runs/{runId}"))!;

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // What the CLI prints for the same book, seed and paths.
    private static async Task<string> QmStressAsync(string bookPath)
    {
        var start = Qm(["stress", bookPath, "--json"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(0, process.ExitCode);
        return (await stdout).TrimEnd('\n');
    }

    private async Task<(Process Process, Uri? Address)> StartAsync(string verb, Regex ready, string[] args)
    {
        var start = Qm([verb, .. args]);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        var process = Process.Start(start)!;
        _processes.Add(process);
        _ = DrainAsync(verb, process.StandardOutput);
        using var timeout = new CancellationTokenSource(Wait.DefaultDeadline);
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            output.WriteLine($"{verb}: {line}");
            if (ready.Match(line) is { Success: true } match)
            {
                _ = DrainAsync(verb, process.StandardError);
                return (process, match.Groups.Count > 1 && match.Groups[1].Success ? new Uri(match.Groups[1].Value) : null);
            }
        }
        throw new InvalidOperationException($"qm {verb} exited before it was ready");
    }

    private async Task DrainAsync(string verb, StreamReader lines)
    {
        try
        {
            while (await lines.ReadLineAsync() is { } line)
            {
                output.WriteLine($"{verb}: {line}");
            }
        }
        catch (InvalidOperationException)
        {
            // The test is over: its output helper no longer takes lines.
        }
    }

    private static ProcessStartInfo Qm(string[] args)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"qm worker: silo of cluster")]
    private static partial Regex WorkerUp();

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            process.Dispose();
        }
        Directory.Delete(_directory, recursive: true);
    }
}
