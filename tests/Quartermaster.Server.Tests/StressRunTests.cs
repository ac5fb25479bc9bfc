using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Quartermaster.Books;
using Quartermaster.Storage;
using Quartermaster.Stress;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Stress runs as background jobs: progress while running, results when done, cancellation on request. The real
/// engine runs behind a gate that holds it at its first partial progress, so every state is waited for and asserted,
/// never caught by timing; the server's clock is a fake one the tests move on by hand.
/// </summary>
public sealed class StressRunTests : IAsyncLifetime
{
    private const int Paths = 20_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-stress-").FullName;
    private readonly GatedStressRunner _runner = new(new EngineStressRunner(new StressOptions(Paths: Paths, ChunkPaths: 1024)));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private RunningServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "s.db"),
            StressRunner = _runner,
            TimeProvider = _clock,
        });
        _admin = _server.Client(await _server.KeyAsync(Role.Admin));
        var book = TestBooks.Small() with { Horizon = new Core.Horizon(new Core.Month(2026, 1), new Core.Month(2030, 12)) };
        (await _admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(book), System.Text.Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_run_reports_partial_progress_while_running_then_its_result()
    {
        var location = await StartAsync();
        var held = await _runner.Held.WaitAsync(Wait.DefaultDeadline);

        var running = await RunAsync(location);
        // Each engine worker holds at its first partial progress, so the live progress is partial, and at least the first held.
        Assert.Equal("running", running["status"]!.GetValue<string>());
        Assert.InRange(running["progress"]!.GetValue<double>(), held, 1 - (1.0 / Paths));

        _runner.Open();
        var progress = new List<double> { held };
        var done = await Wait.UntilAsync(async () =>
        {
            var run = await RunAsync(location);
            progress.Add(run["progress"]!.GetValue<double>());
            return run;
        }, run => run["status"]!.GetValue<string>() is not ("queued" or "running"), "the run to end");

        Assert.Equal("succeeded", done["status"]!.GetValue<string>());
        Assert.Equal(1.0, progress[^1]);
        Assert.Equal(progress.Order(), progress);
        var summary = done["result"]!["summary"]!;
        Assert.Equal(Paths, summary["paths"]!.GetValue<int>());
        Assert.Equal(1.0, summary["win_either_way"]!.AsArray().Sum(r => r!["share"]!.GetValue<double>()), 9);
        Assert.Equal(Paths, done["result"]!["charts"]!["histogram"]!["counts"]!.AsArray().Sum(c => c!.GetValue<int>()));
    }

    [Fact]
    public async Task A_running_runs_progress_is_stored_on_the_servers_clock_for_other_instances_to_read()
    {
        var location = await StartAsync();
        var runId = location.Split('/')[^1];
        var held = await _runner.Held.WaitAsync(Wait.DefaultDeadline);
        Assert.Equal(0.0, (await _server.Store.GetStressRunAsync(AccessScope.System, runId))!.Progress);

        // A second on the server's clock: the progress writer's tick, whatever the wall clock says.
        _clock.Advance(TimeSpan.FromSeconds(1));
        var stored = await Wait.UntilAsync(() => _server.Store.GetStressRunAsync(AccessScope.System, runId),
            run => run is { Progress: > 0 }, "the progress writer to store the held run's progress");

        Assert.Equal(StressRunStatus.Running, stored!.Status);
        Assert.InRange(stored.Progress, held, 1 - (1.0 / Paths));
        Assert.Equal(HttpStatusCode.Accepted, (await _admin.PostAsync(location + "/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_run_stops_and_says_so()
    {
        var location = await StartAsync();
        await _runner.Held.WaitAsync(Wait.DefaultDeadline);

        var cancel = await _admin.PostAsync(location + "/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var run = await Wait.UntilAsync(() => RunAsync(location), r => r["status"]!.GetValue<string>() is not ("queued" or "running"), "the cancelled run to end");

        Assert.Equal("cancelled", run["status"]!.GetValue<string>());
        Assert.InRange(run["progress"]!.GetValue<double>(), 0, 1 - (1.0 / Paths));
        Assert.Null(run["result"]);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsync(location + "/cancel", null)).StatusCode);
        Assert.Contains(await _server.Store.ReadAuditLogAsync(), e => e.Action == "stress.cancel");
    }

    private async Task<string> StartAsync()
    {
        var started = await _admin.PostAsync("/api/v1/books/small-book/stress-runs", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return started.Headers.Location!.ToString();
    }

    private async Task<JsonNode> RunAsync(string location) => JsonNode.Parse(await _admin.GetStringAsync(location))!;

    public async Task DisposeAsync()
    {
        _runner.Open();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
