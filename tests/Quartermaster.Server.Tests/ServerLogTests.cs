using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using Quartermaster.Books;
using Quartermaster.Storage;
using Quartermaster.Stress;

namespace Quartermaster.Server.Tests;

/// <summary>The server's own log lines: one per stored book version, plan, stress run start and end, refused key; never a secret.</summary>
public sealed class ServerLogTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-log-").FullName;
    private readonly FakeLoggerProvider _logs = new();

    [Fact]
    public async Task The_server_logs_one_line_per_book_version_plan_stress_run_and_refused_key_and_no_secret()
    {
        var seed = Path.Combine(_directory, "seed.yaml");
        await File.WriteAllTextAsync(seed, BookWriter.Write(TestBooks.Small()));
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "log.db"),
            SeedBookPath = seed,
            LoggerProvider = _logs,
            StressRunner = new EngineStressRunner(new StressOptions(Paths: 2_000)),
        });
        var key = await server.KeyAsync(Role.Admin);
        var admin = server.Client(key);
        (await admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(TestBooks.Small("other-book")), Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/books/other-book/plans", null)).EnsureSuccessStatusCode();
        var location = (await admin.PostAsync("/api/v1/books/other-book/stress-runs", null)).Headers.Location!.ToString();
        await Wait.UntilAsync(async () => JsonNode.Parse(await admin.GetStringAsync(location))!["status"]!.GetValue<string>(),
            status => status == "succeeded", "the stress run to succeed");
        await Wait.UntilAsync(() => Lines(ServerEventId.StressRunFinished).Count == 1, "the line saying the stress run finished");
        var keyId = key.Split('_')[1];
        var forged = $"qm_{keyId}_{new string('A', 43)}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client(forged).GetAsync("/api/v1/books")).StatusCode);

        Assert.Equal(["small-book", "other-book"], Lines(ServerEventId.BookVersionStored).Select(l => l.StructuredState!.Single(p => p.Key == "BookId").Value));
        Assert.Equal(["small-book", "other-book"], Lines(ServerEventId.PlanStored).Select(l => l.StructuredState!.Single(p => p.Key == "BookId").Value));
        Assert.Single(Lines(ServerEventId.StressRunStarted));
        Assert.Contains("Succeeded", Lines(ServerEventId.StressRunFinished).Single().Message, StringComparison.Ordinal);
        Assert.Equal($"Key {keyId} refused: unknown or revoked", Lines(ServerEventId.KeyRefused).Single().Message);
        var everything = string.Join('\n', _logs.Collector.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        Assert.DoesNotContain(key.Split('_')[2], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(forged.Split('_')[2], everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_line_naming_a_postgresql_database_holds_no_password()
    {
        var (service, owner) = postgres.CreateDatabase();
        // The test cluster trusts loopback, so a password is accepted and ignored: only its absence from the log is tested.
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = service + ";Password=not-for-logs",
            DatabaseOwner = owner,
            LoggerProvider = _logs,
        });
        var serving = Assert.Single(Lines(ServerEventId.Serving));
        Assert.Matches(@"^Serving from PostgreSQL 127\.0\.0\.1:\d+/qm_\w+ as qm_service at schema version \d+$", serving.Message);
        Assert.DoesNotContain("not-for-logs", string.Join('\n', _logs.Collector.GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);
    }

    private List<FakeLogRecord> Lines(int eventId) => [.. _logs.Collector.GetSnapshot().Where(r => r.Id.Id == eventId)];

    public void Dispose()
    {
        _logs.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
