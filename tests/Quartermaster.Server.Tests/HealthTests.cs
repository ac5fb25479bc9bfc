using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// <c>/healthz</c> checks the service's own pool with one cheap round trip and never touches the owner (migration)
/// role; <c>/readyz</c> checks, as the service role, that the schema is this server's and row-level security holds.
/// </summary>
public sealed class HealthTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-health-").FullName;

    [Fact]
    public async Task Health_and_readiness_answer_on_sqlite()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "h.db") });
        var client = server.Client();

        var health = JsonNode.Parse(await client.GetStringAsync("/healthz"))!;
        var ready = JsonNode.Parse(await client.GetStringAsync("/readyz"))!;

        Assert.Equal(("ok", Migration.Latest), (health["status"]!.GetValue<string>(), health["schema_version"]!.GetValue<int>()));
        Assert.Equal(("ready", Migration.Latest), (ready["status"]!.GetValue<string>(), ready["schema_version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Readyz_says_warming_up_until_the_stress_warm_up_ends_and_the_warm_up_stores_nothing()
    {
        var runner = new GatedRunner();
        using var logs = new FakeLoggerProvider();
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "warm.db"), WarmUpStress = true, StressRunner = runner, LoggerProvider = logs,
            SeedBookPath = Path.Combine(Screenshots.Root, "examples", "neutral-cloud-2026.yaml"),
        });
        var client = server.Client();
        var auditBefore = (await server.Store.ReadAuditLogAsync()).Count;

        // The warm-up's first round waits at the gate: alive, not ready.
        await runner.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var warming = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.StatusCode);
        Assert.Equal("not ready: warming up the stress engine", JsonNode.Parse(await warming.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());

        runner.Gate.SetResult();
        await Wait.UntilAsync(async () => (await client.GetAsync("/readyz")).StatusCode, status => status == HttpStatusCode.OK,
            "/readyz to answer 200 after the warm-up was let go", TimeSpan.FromMinutes(2));

        // The warm-up ran the real engine on a small copy of the seed book, then three runs of it through the API of a
        // throwaway server, and wrote nothing here.
        var warmedUp = logs.Collector.GetSnapshot().Where(l => l.Id.Id is ServerEventId.WarmedUp or ServerEventId.WarmUpFailed).ToList();
        Assert.Equal(ServerEventId.WarmedUp, Assert.Single(warmedUp).Id.Id);
        Assert.Contains("then 3 runs through the API on a throwaway store", warmedUp[0].Message, StringComparison.Ordinal);
        Assert.True(runner.Paths.Count >= 3 + 3 && runner.Paths.All(p => p == 4 * Stress.StressOptions.BlockPaths), string.Join(", ", runner.Paths));
        Assert.Equal(auditBefore, (await server.Store.ReadAuditLogAsync()).Count);
        var books = await server.Store.ListBooksAsync(AccessScope.System);
        Assert.Equal(["neutral-cloud-2026"], books.Select(b => b.BookId));
    }

    /// <summary>The real engine behind a gate the test opens, recording the paths of each run it is asked for.</summary>
    private sealed class GatedRunner : IStressRunner
    {
        private readonly EngineStressRunner _engine = new();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<int> Paths { get; } = new();

        public async Task<Documents.StressRunResult> RunAsync(Core.Book book, IProgress<double> progress, CancellationToken cancel)
        {
            Paths.Enqueue(book.Scenario.Paths);
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(cancel);
            return await _engine.RunAsync(book, progress, cancel);
        }
    }

    [Fact]
    public async Task Healthz_and_readyz_keep_answering_when_the_owner_role_can_no_longer_log_in()
    {
        // An owner role of this test's own, so locking it out touches no other test's database.
        var (service, _) = postgres.CreateDatabase();
        var database = new NpgsqlConnectionStringBuilder(service).Database!;
        var owner = "owner_" + database;
        await SuperuserAsync("postgres", $"CREATE ROLE {owner} LOGIN NOSUPERUSER NOBYPASSRLS; ALTER DATABASE {database} OWNER TO {owner}");
        await SuperuserAsync(database, $"ALTER SCHEMA public OWNER TO {owner}");
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = service, DatabaseOwner = postgres.ConnectionString(owner, database),
        });
        var client = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // Migrations are done: from now on the owner cannot connect, and its pooled connections are gone.
        await SuperuserAsync("postgres", $"ALTER ROLE {owner} NOLOGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{owner}'");

        for (var i = 0; i < 3; i++)
        {
            var health = await client.GetAsync("/healthz");
            var body = await health.Content.ReadAsStringAsync();
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"/healthz answered {(int)health.StatusCode}: {body}");
            Assert.Equal(Migration.Latest, JsonNode.Parse(body)!["schema_version"]!.GetValue<int>());
        }
        var ready = await client.GetAsync("/readyz");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"/readyz answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Readyz_answers_503_with_the_reason_when_the_database_is_gone()
    {
        var (service, owner) = postgres.CreateDatabase();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Database = service, DatabaseOwner = owner });
        var database = new NpgsqlConnectionStringBuilder(service).Database!;

        await SuperuserAsync("postgres", $"REVOKE CONNECT ON DATABASE {database} FROM PUBLIC; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        NpgsqlConnection.ClearAllPools();

        var ready = await server.Client().GetAsync("/readyz");
        var health = await server.Client().GetAsync("/healthz");
        foreach (var response in new[] { ready, health })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("the database does not answer", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    private async Task SuperuserAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.Superuser(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
