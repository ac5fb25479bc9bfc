using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quartermaster.Storage;
using Xunit.Abstractions;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Sends every operation of the server's own OpenAPI document malformed ids (control characters, a trailing newline,
/// surrounding whitespace, too long for the id rule, too long for Kestrel, a URL-encoded NUL) and malformed bodies, as
/// every role (none, a refused key, admin, analyst, tenant), and finds only 4xx problems with a detail and no change to
/// the stored data: books, versions, plans, keys and the audit log, which every write and audited read extends.
/// </summary>
public abstract class MalformedInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] MalformedIds =
        ["bad\u0001id", "trailing\n", " leading", "tab\tinside", new string('x', 100), new string('y', 20_000), "\0"];

    private static readonly (string Name, byte[] Bytes, string? ContentType)[] MalformedBodies =
    [
        ("truncated JSON", "{\"policy\": "u8.ToArray(), "application/json"),
        ("repeated JSON key", "{\"policy\": \"max-min\", \"policy\": \"max-min\"}"u8.ToArray(), "application/json"),
        ("JSON with a NUL", "{\"policy\": \"max\\u0000min\"}"u8.ToArray(), "application/json"),
        ("not UTF-8", [0x7b, 0xff, 0xfe, 0x7d], "application/json"),
        ("truncated YAML", "book: [small\n"u8.ToArray(), "application/yaml"),
        ("YAML with a bad id", "book: \"small-book\\n\"\n"u8.ToArray(), "application/yaml"),
        ("a byte-order mark and nothing", [0xef, 0xbb, 0xbf], "application/yaml"),
        ("no Content-Type", "{}"u8.ToArray(), null),
        ("a wrong Content-Type", "book: small-book\n"u8.ToArray(), "text/plain"),
    ];

    private RunningServer _server = null!;

    protected abstract Task<ServerOptions> OptionsAsync();

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(await OptionsAsync() with { RequestsPerSecondPerKey = 1_000_000, BurstPerKey = 1_000_000 });

    public virtual async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_operation_answers_malformed_ids_and_bodies_as_every_role_with_a_4xx_problem_and_stores_nothing()
    {
        var book = TestBooks.Small();
        var principals = new List<(string Name, HttpClient Client)>
        {
            ("no key", _server.Client()),
            ("a refused key", _server.Client("qm_000000000000_" + new string('A', 43))),
            ("admin", _server.Client(await _server.KeyAsync(Role.Admin))),
            ("analyst", _server.Client(await _server.KeyAsync(Role.Analyst))),
            ("tenant", _server.Client(await _server.KeyAsync(Role.Tenant, "alpha-lab"))),
        };
        await _server.Store.SaveBookAsync(AccessScope.System, book);
        var plan = await _server.Store.SavePlanAsync(AccessScope.System, book.Id, 1, "max-min", "test", TestBooks.Fills(book), TestBooks.Allocations(book));
        // A finished run stored directly: no background job may change the store while the test compares it.
        var run = await _server.Store.CreateStressRunAsync(AccessScope.System, book.Id, 1);
        await _server.Store.UpdateStressRunAsync(AccessScope.System, run with { Status = StressRunStatus.Succeeded, Progress = 1, ResultJson = "{}" });
        var valid = new Dictionary<string, string>
        {
            ["bookId"] = book.Id, ["version"] = "1", ["siteId"] = "east", ["planId"] = plan.PlanId, ["runId"] = run.RunId,
            ["tenantId"] = "alpha-lab", ["contractId"] = "alpha-deal",
        };
        var operations = (JsonNode.Parse(await principals[2].Client.GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject())
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key.ToUpperInvariant()))).ToList();
        var before = await SnapshotAsync();
        var auditBefore = (await _server.Store.ReadAuditLogAsync()).Count;

        var failures = new List<string>();
        var requests = 0;
        foreach (var (path, method) in operations)
        {
            var parameters = valid.Keys.Where(k => path.Contains("{" + k + "}", StringComparison.Ordinal)).ToList();
            foreach (var (name, client) in principals)
            {
                foreach (var parameter in parameters)
                {
                    foreach (var id in MalformedIds)
                    {
                        var url = Fill(path, new Dictionary<string, string>(valid) { [parameter] = id });
                        requests++;
                        await CheckAsync(client, method, url, null, $"{method} {path} as {name} with {parameter} {JsonSerializer.Serialize(id.Length > 40 ? id[..40] + "..." : id)}", failures);
                    }
                }
                foreach (var body in MalformedBodies)
                {
                    requests++;
                    await CheckAsync(client, method, Fill(path, valid), body, $"{method} {path} as {name} with {body.Name}", failures);
                }
            }
        }

        output.WriteLine($"{requests} malformed requests over {operations.Count} operations, {failures.Count} failures");
        failures.Take(30).ToList().ForEach(output.WriteLine);
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations in the document");
        Assert.Empty(failures);
        var added = (await _server.Store.ReadAuditLogAsync()).Skip(auditBefore).Select(e => $"{e.Actor} {e.Role} {e.Action} {e.Resource}").ToList();
        Assert.True(added.Count == 0, "the audit log grew: " + string.Join("; ", added));
        Assert.Equal(before, await SnapshotAsync());
    }

    private static async Task CheckAsync(HttpClient client, string method, string url, (string Name, byte[] Bytes, string? ContentType)? body, string label, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is { } b)
        {
            request.Content = new ByteArrayContent(b.Bytes);
            request.Content.Headers.ContentType = b.ContentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(b.ContentType);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
        {
            failures.Add($"{label}: {status} {Cut(text)}");
            return;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{label}: {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Cut(text)}");
            return;
        }
        var problem = JsonNode.Parse(text)!;
        if (problem["status"]?.GetValue<int>() != status || string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()))
        {
            failures.Add($"{label}: {status} without a matching status and a detail: {Cut(text)}");
        }
    }

    /// <summary>Everything the store holds that a request could change: books and versions, latest plans, keys, the audit log.</summary>
    private async Task<string> SnapshotAsync()
    {
        var store = _server.Store;
        var books = await store.ListBooksAsync(AccessScope.System);
        var versions = new List<object>();
        foreach (var book in books)
        {
            versions.Add(await store.ListVersionsAsync(AccessScope.System, book.BookId));
            versions.Add((object?)await store.LatestPlanAsync(AccessScope.System, book.BookId) ?? "no plan");
        }
        return JsonSerializer.Serialize(new { books, versions, keys = await store.ListKeysAsync(), audit = await store.ReadAuditLogAsync() });
    }

    private static string Fill(string path, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return path;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "..." : text;
}

/// <summary>Malformed input on a SQLite file.</summary>
public sealed class SqliteMalformedInputTests(ITestOutputHelper output) : MalformedInputTests(output)
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-malformed-").FullName;

    protected override Task<ServerOptions> OptionsAsync() => Task.FromResult(new ServerOptions { Database = Path.Combine(_directory, "m.db") });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Malformed input on PostgreSQL, as the service role.</summary>
public sealed class PostgresMalformedInputTests(PostgresServer postgres, ITestOutputHelper output) : MalformedInputTests(output), IClassFixture<PostgresServer>
{
    protected override Task<ServerOptions> OptionsAsync()
    {
        var (service, owner) = postgres.CreateDatabase();
        return Task.FromResult(new ServerOptions { Database = service, DatabaseOwner = owner });
    }
}
