using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Quartermaster.Books;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Every GET in the OpenAPI document that hands a provider tenant data is audited by the store in the transaction
/// of the read: the log grows with each such read, and with the log closed to new entries the read fails whole
/// instead of answering. Endpoints cannot append entries of their own, so an entry can only come from the read.
/// </summary>
public abstract class AuditedReadTests : IAsyncLifetime
{
    /// <summary>Reads that hand out no tenant's data: the caller's own key, book ids and versions, public deals, health.</summary>
    private static readonly HashSet<string> NotTenantData =
        ["/healthz", "/readyz", "/api/v1/me", "/api/v1/deals", "/api/v1/books", "/api/v1/books/{bookId}/versions"];

    private RunningServer _server = null!;

    protected abstract Task<ServerOptions> OptionsAsync();

    /// <summary>Stops the database from taking new audit entries, bypassing the server.</summary>
    protected abstract Task CloseAuditLogAsync();

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(await OptionsAsync());

    public virtual async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_provider_read_of_tenant_data_is_audited_with_the_read_and_fails_when_it_cannot_be()
    {
        var admin = _server.Client(await _server.KeyAsync(Role.Admin));
        var analystKey = await _server.KeyAsync(Role.Analyst);
        var analyst = _server.Client(analystKey);
        var analystId = analystKey.Split('_')[1];
        var book = TestBooks.Small();
        (await admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(book), Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        var plan = JsonNode.Parse(await (await admin.PostAsync($"/api/v1/books/{book.Id}/plans", null)).Content.ReadAsStringAsync())!;
        // A finished run, stored directly: reading a run's result is a read of figures per tenant.
        var run = await _server.Store.CreateStressRunAsync(AccessScope.System, book.Id, 1);
        await _server.Store.UpdateStressRunAsync(AccessScope.System, run with { Status = StressRunStatus.Succeeded, Progress = 1, ResultJson = "{}" });
        var values = new Dictionary<string, string>
        {
            ["bookId"] = book.Id, ["version"] = "1", ["a"] = "1", ["b"] = "1", ["siteId"] = "east", ["planId"] = plan["plan_id"]!.GetValue<string>(),
            ["runId"] = run.RunId, ["tenantId"] = "beta-lab", ["contractId"] = "beta-deal",
        };
        var document = JsonNode.Parse(await analyst.GetStringAsync("/openapi/v1.json"))!;
        var reads = document["paths"]!.AsObject()
            .Where(p => p.Value!.AsObject().ContainsKey("get") && !NotTenantData.Contains(p.Key))
            .Select(p => p.Key).ToList();
        Assert.True(reads.Count >= 14, $"only {reads.Count} tenant-data reads in the document");

        foreach (var path in reads)
        {
            var before = (await _server.Store.ReadAuditLogAsync()).Count;
            var response = await analyst.GetAsync(Fill(path, values));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
            var entries = (await _server.Store.ReadAuditLogAsync()).Skip(before).ToList();
            Assert.True(entries.Count > 0, $"GET {path} read tenant data and left no audit entry");
            Assert.All(entries, e => Assert.Equal(analystId, e.Actor));
        }

        await CloseAuditLogAsync();
        foreach (var path in reads)
        {
            var response = await analyst.GetAsync(Fill(path, values));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"GET {path} answered {(int)response.StatusCode} without its audit entry");
            Assert.DoesNotContain("beta-deal", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reading_a_failed_runs_error_is_audited_and_polling_a_running_runs_progress_is_not()
    {
        var analystKey = await _server.KeyAsync(Role.Analyst);
        var analyst = _server.Client(analystKey);
        await _server.Store.SaveBookAsync(AccessScope.System, TestBooks.Small());
        // An engine's error can name what it was computing: a tenant's contract.
        var failed = await _server.Store.CreateStressRunAsync(AccessScope.System, "small-book", 1);
        await _server.Store.UpdateStressRunAsync(AccessScope.System, failed with { Status = StressRunStatus.Failed, Progress = 0.4, Error = "contract beta-deal: demand overflowed" });
        var running = await _server.Store.CreateStressRunAsync(AccessScope.System, "small-book", 1);
        await _server.Store.UpdateStressRunAsync(AccessScope.System, running with { Status = StressRunStatus.Running, Progress = 0.5 });
        var before = (await _server.Store.ReadAuditLogAsync()).Count;

        Assert.Contains("running", await analyst.GetStringAsync($"/api/v1/stress-runs/{running.RunId}"), StringComparison.Ordinal);
        Assert.Equal(before, (await _server.Store.ReadAuditLogAsync()).Count);
        Assert.Contains("beta-deal", await analyst.GetStringAsync($"/api/v1/stress-runs/{failed.RunId}"), StringComparison.Ordinal);

        var entry = Assert.Single((await _server.Store.ReadAuditLogAsync()).Skip(before));
        Assert.Equal(("stress.read", $"books/small-book/stress-runs/{failed.RunId}", analystKey.Split('_')[1]), (entry.Action, entry.Resource, entry.Actor));
    }

    private static string Fill(string path, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return path;
    }
}

/// <summary>Audited reads through the server on a SQLite file.</summary>
public sealed class SqliteAuditedReadTests : AuditedReadTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-audited-").FullName;

    private string Database => Path.Combine(_directory, "audited.db");

    protected override Task<ServerOptions> OptionsAsync() => Task.FromResult(new ServerOptions { Database = Database });

    protected override async Task CloseAuditLogAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TRIGGER audit_log_closed BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is closed'); END";
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Audited reads through the server on PostgreSQL, as the service role.</summary>
public sealed class PostgresAuditedReadTests(PostgresServer postgres) : AuditedReadTests, IClassFixture<PostgresServer>
{
    private (string Service, string Owner) _database;

    protected override Task<ServerOptions> OptionsAsync()
    {
        _database = postgres.CreateDatabase();
        return Task.FromResult(new ServerOptions { Database = _database.Service, DatabaseOwner = _database.Owner });
    }

    protected override async Task CloseAuditLogAsync()
    {
        await using var connection = new NpgsqlConnection(_database.Owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("REVOKE INSERT ON audit_log FROM qm_service", connection);
        await command.ExecuteNonQueryAsync();
    }
}
