using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Quartermaster.Storage;
using Xunit.Abstractions;

namespace Quartermaster.Cluster.Tests;

/// <summary>Starts the real <c>qm serve</c>, <c>qm worker</c> and <c>qm stress</c> as child processes and kills what is left at the end.</summary>
public abstract partial class ClusterProcesses(ITestOutputHelper output) : IDisposable
{
    private readonly List<Process> _processes = [];

    protected ITestOutputHelper Output { get; } = output;

    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("qm-cluster-mp-").FullName;

    /// <summary>The qm.dll to run: this test's build, or the one <c>QM_CLUSTER_BENCH</c> names (a Release build, for figures).</summary>
    protected static string QmDll => Environment.GetEnvironmentVariable("QM_CLUSTER_BENCH") is { Length: > 0 } dll ? dll : Path.Combine(AppContext.BaseDirectory, "qm.dll");

    /// <summary>Lines the children wrote, for tests that read the coordinator's figures.</summary>
    protected System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>A fresh migrated database: its service and owner connections, a superuser connection to it, and an admin key.</summary>
    protected static async Task<(string Service, string Owner, string Superuser, string Key)> ClusterDatabaseAsync(PostgresServer postgres)
    {
        var (service, owner) = postgres.CreateDatabase();
        var superuser = postgres.Superuser(new NpgsqlConnectionStringBuilder(service).Database!);
        using var store = new PostgresBookStore(service, owner);
        await store.MigrateAsync();
        return (service, owner, superuser, (await store.CreateKeyAsync(AccessScope.System, Role.Admin, null)).Key);
    }

    protected static async Task<string> StartRunAsync(HttpClient client, string bookId)
    {
        var response = await client.PostAsync($"/api/v1/books/{bookId}/stress-runs", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["run_id"]!.GetValue<string>();
    }

    protected static async Task<JsonNode> GetRunAsync(HttpClient client, string runId) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/stress-runs/{runId}"))!;

    protected static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // What the CLI prints for the same book, seed and paths.
    protected static async Task<string> QmStressAsync(string bookPath)
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

    protected async Task<(Process Process, Uri? Address)> StartAsync(string verb, Regex ready, string[] args)
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
            Output.WriteLine($"{verb}: {line}");
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
                Lines.Enqueue(line);
                Output.WriteLine($"{verb}: {line}");
            }
        }
        catch (InvalidOperationException)
        {
            // The test is over: its output helper no longer takes lines.
        }
    }

    protected static ProcessStartInfo Qm(string[] args)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(QmDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    protected static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    protected static Regex ListeningLine() => Listening();

    protected static Regex WorkerLine() => WorkerUp();

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
        System.IO.Directory.Delete(Directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
