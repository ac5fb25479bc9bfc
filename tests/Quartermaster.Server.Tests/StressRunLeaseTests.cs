using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Quartermaster.Books;
using Quartermaster.Storage;
using Quartermaster.Stress;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Without a cluster too, a stress run is held under a lease from the moment it is created, and a run whose server
/// was killed (its lease lapsed) is run again by the next server on the same database instead of saying "running"
/// forever. The servers' clock is a fake one the tests move on by hand.
/// </summary>
public sealed class StressRunLeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-lease-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_run_left_running_by_a_killed_server_is_run_again_once_its_lease_lapses()
    {
        var database = Path.Combine(_directory, "killed.db");
        var book = TestBooks.Small();
        string runId;
        using (var killed = new SqliteBookStore(database))
        {
            // What a server killed mid-run leaves behind: a run at 40% under a lease nobody renews.
            await killed.MigrateAsync();
            await killed.SaveBookAsync(AccessScope.System, book, BookWriter.Write(book));
            var run = await killed.CreateStressRunAsync(AccessScope.System, book.Id, 1, new StressRunLease("killed-instance", _clock.GetUtcNow() + Lease));
            await killed.UpdateStressRunAsync(AccessScope.System, run with { Status = StressRunStatus.Running, Progress = 0.4 });
            runId = run.RunId;
        }
        using var logs = new FakeLoggerProvider();
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = database, TimeProvider = _clock, StressRunLease = Lease, LoggerProvider = logs,
            StressRunner = new EngineStressRunner(new StressOptions(Paths: 2_000)),
        });
        var admin = server.Client(await server.KeyAsync(Role.Admin));

        _clock.Advance(Lease + Lease);
        var done = await Wait.UntilAsync(async () => JsonNode.Parse(await admin.GetStringAsync($"/api/v1/stress-runs/{runId}"))!,
            run => run["status"]!.GetValue<string>() == "succeeded", "the orphaned run to be taken over and succeed");

        Assert.Equal(2_000, done["result"]!["summary"]!["paths"]!.GetValue<int>());
        var takenOver = Assert.Single(logs.Collector.GetSnapshot(), l => l.Id.Id == ServerEventId.StressRunTakenOver);
        Assert.Contains(runId, takenOver.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_is_held_under_a_lease_from_the_moment_it_is_created_so_no_other_instance_can_take_it()
    {
        var runner = new GatedStressRunner(new EngineStressRunner(new StressOptions(Paths: 20_000, ChunkPaths: 1024)));
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "held.db"), TimeProvider = _clock, StressRunLease = Lease, StressRunner = runner,
        });
        try
        {
            var runId = await StartHeldRunAsync(server, runner);
            var now = _clock.GetUtcNow();

            // Leased (a run without a lease is never listed), and not lapsed now.
            Assert.Contains(runId, (await server.Store.ListOrphanedStressRunsAsync(AccessScope.System, now + TimeSpan.FromHours(1))).Select(r => r.RunId));
            Assert.DoesNotContain(runId, (await server.Store.ListOrphanedStressRunsAsync(AccessScope.System, now)).Select(r => r.RunId));
            Assert.False(await server.Store.ClaimStressRunAsync(AccessScope.System, runId, "another-instance", now, now + Lease));

            // Renewed while it runs: a lease later, on the server's clock, it is still this server's.
            for (var second = 0; second < 2 * Lease.TotalSeconds; second++)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
            await Wait.UntilAsync(() => server.Store.ListOrphanedStressRunsAsync(AccessScope.System, _clock.GetUtcNow()),
                orphans => orphans.All(r => r.RunId != runId), "the held run's lease to be renewed");
            Assert.False(await server.Store.ClaimStressRunAsync(AccessScope.System, runId, "another-instance", _clock.GetUtcNow(), _clock.GetUtcNow() + Lease));
        }
        finally
        {
            runner.Open();
        }
    }

    [Fact]
    public async Task A_server_whose_run_was_taken_over_stops_its_copy_without_storing_an_end()
    {
        var runner = new GatedStressRunner(new EngineStressRunner(new StressOptions(Paths: 20_000, ChunkPaths: 1024)));
        using var logs = new FakeLoggerProvider();
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "stolen.db"), TimeProvider = _clock, StressRunLease = Lease, StressRunner = runner, LoggerProvider = logs,
        });
        try
        {
            var runId = await StartHeldRunAsync(server, runner);

            // Another instance, whose clock ran an hour ahead, thought this one dead and took the run.
            var now = _clock.GetUtcNow();
            Assert.True(await server.Store.ClaimStressRunAsync(AccessScope.System, runId, "another-instance", now + TimeSpan.FromHours(1), now + TimeSpan.FromHours(2)));

            // At its next renewal this server finds the lease gone and stops its copy.
            for (var second = 0; second < Lease.TotalSeconds; second++)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
            await Wait.UntilAsync(() => logs.Collector.GetSnapshot().Any(l => l.Id.Id == ServerEventId.StressRunLeaseLost),
                "the server to say another instance took its run");

            var stored = await server.Store.GetStressRunAsync(AccessScope.System, runId);
            Assert.Equal(StressRunStatus.Running, stored!.Status);
            Assert.DoesNotContain(logs.Collector.GetSnapshot(), l => l.Id.Id == ServerEventId.StressRunFinished);
            Assert.False(await server.Store.ClaimStressRunAsync(AccessScope.System, runId, "a-third-instance", now, now + Lease));
        }
        finally
        {
            runner.Open();
        }
    }

    /// <summary>Imports the small book and starts a stress run of it through the API; returns its id once the engine holds at the gate.</summary>
    private static async Task<string> StartHeldRunAsync(RunningServer server, GatedStressRunner runner)
    {
        var admin = server.Client(await server.KeyAsync(Role.Admin));
        var book = TestBooks.Small();
        (await admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(book), System.Text.Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        var started = await admin.PostAsync($"/api/v1/books/{book.Id}/stress-runs", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        await runner.Held.WaitAsync(Wait.DefaultDeadline);
        return started.Headers.Location!.ToString().Split('/')[^1];
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
