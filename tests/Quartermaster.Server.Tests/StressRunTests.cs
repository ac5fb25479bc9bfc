using System.Net;
using System.Text.Json.Nodes;
using Quartermaster.Books;
using Quartermaster.Storage;
using Quartermaster.Stress;

namespace Quartermaster.Server.Tests;

/// <summary>Stress runs as background jobs: progress while running, results when done, cancellation on request.</summary>
[Collection(EngineRuns.Name)]
public sealed class StressRunTests : IAsyncLifetime
{
    private const int Paths = 4_000_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-stress-").FullName;
    private RunningServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        // The real engine, with enough paths in small chunks that a run takes a while and reports many steps.
        _server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "s.db"),
            StressRunner = new EngineStressRunner(new StressOptions(Paths: Paths, ChunkPaths: 4096)),
        });
        _admin = _server.Client(await _server.KeyAsync(Role.Admin));
        var book = TestBooks.Small() with { Horizon = new Core.Horizon(new Core.Month(2026, 1), new Core.Month(2030, 12)) };
        (await _admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(book), System.Text.Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_run_reports_rising_progress_then_its_result()
    {
        // Warm the polling path first, so the first poll of the run is not slower than the run itself.
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/stress-runs/no-such-run")).StatusCode);
        var started = await _admin.PostAsync("/api/v1/books/small-book/stress-runs", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();

        var progress = new List<double>();
        JsonNode run;
        do
        {
            await Task.Delay(50);
            run = JsonNode.Parse(await _admin.GetStringAsync(location))!;
            progress.Add(run["progress"]!.GetValue<double>());
        }
        while (run["status"]!.GetValue<string>() is "queued" or "running");

        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Contains(progress, p => p is > 0 and < 1);
        Assert.Equal(progress.Order(), progress);
        var summary = run["result"]!["summary"]!;
        Assert.Equal(Paths, summary["paths"]!.GetValue<int>());
        Assert.Equal(1.0, summary["win_either_way"]!.AsArray().Sum(r => r!["share"]!.GetValue<double>()), 9);
        Assert.Equal(Paths, run["result"]!["charts"]!["histogram"]!["counts"]!.AsArray().Sum(c => c!.GetValue<int>()));
    }

    [Fact]
    public async Task A_running_runs_progress_is_stored_for_other_instances_to_read()
    {
        // Slow enough (millions of paths) that the once-a-second progress writer runs mid-way.
        await using var slow = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "slow.db"),
            SeedBookPath = await SeedAsync(),
            StressRunner = new EngineStressRunner(new StressOptions(Paths: 3 * Paths, ChunkPaths: 4096)),
        });
        var admin = slow.Client(await slow.KeyAsync(Role.Admin));
        var location = (await admin.PostAsync("/api/v1/books/small-book/stress-runs", null)).Headers.Location!.ToString();
        var runId = location.Split('/')[^1];

        StressRunRecord? stored = null;
        for (var i = 0; i < 60 && stored is not { Progress: > 0 }; i++)
        {
            await Task.Delay(100);
            stored = await slow.Store.GetStressRunAsync(AccessScope.System, runId);
        }
        Assert.True(stored is { Progress: > 0 and < 1, Status: StressRunStatus.Running }, $"stored: {stored}");
        // Stop the long run rather than keep a core busy while the other tests run.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync(location + "/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_run_stops_and_says_so()
    {
        // A run far too long to finish during the test: only the cancellation can end it.
        await using var endless = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "endless.db"),
            SeedBookPath = await SeedAsync(),
            StressRunner = new EngineStressRunner(new StressOptions(Paths: 100_000_000, ChunkPaths: 4096)),
        });
        var admin = endless.Client(await endless.KeyAsync(Role.Admin));
        var location = (await admin.PostAsync("/api/v1/books/small-book/stress-runs", null)).Headers.Location!.ToString();
        while (JsonNode.Parse(await admin.GetStringAsync(location))!["progress"]!.GetValue<double>() == 0)
        {
            await Task.Delay(20);
        }

        var cancel = await admin.PostAsync(location + "/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        JsonNode run;
        do
        {
            await Task.Delay(50);
            run = JsonNode.Parse(await admin.GetStringAsync(location))!;
        }
        while (run["status"]!.GetValue<string>() is "queued" or "running");
        Assert.Equal("cancelled", run["status"]!.GetValue<string>());
        Assert.True(run["progress"]!.GetValue<double>() < 1);
        Assert.Null(run["result"]);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync(location + "/cancel", null)).StatusCode);
    }

    private async Task<string> SeedAsync()
    {
        var path = Path.Combine(_directory, "seed.yaml");
        await File.WriteAllTextAsync(path, BookWriter.Write(TestBooks.Small() with { Horizon = new Core.Horizon(new Core.Month(2026, 1), new Core.Month(2030, 12)) }));
        return path;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// Test classes that run the stress engine on both cores and watch its progress over HTTP run one after the
/// other: side by side, one starves the other's server and a poll can miss every intermediate progress.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EngineRuns
{
    public const string Name = "engine runs, one at a time";
}
