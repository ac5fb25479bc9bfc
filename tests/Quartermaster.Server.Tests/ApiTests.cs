using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Quartermaster.Books;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>The HTTP API on SQLite: books and versions, tenant views, plans, problem details, audit, rate limits.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-api-").FullName;
    private RunningServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "api.db"), RequestsPerSecondPerKey = 1000, BurstPerKey = 1000 });
        _admin = _server.Client(await _server.KeyAsync(Role.Admin));
        var import = await _admin.PostAsync("/api/v1/books", Yaml(BookWriter.Write(TestBooks.Small())));
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsync("/api/v1/books/small-book/plans", null)).StatusCode);
    }

    [Fact]
    public async Task A_book_imported_as_yaml_exports_byte_for_byte_and_each_import_is_a_new_version()
    {
        var text = "# kept as written\n" + BookWriter.Write(TestBooks.Small() with { Provider = "Second" });
        var created = await _admin.PutAsync("/api/v1/books/small-book", Yaml(text));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/books/small-book/versions/2", created.Headers.Location!.ToString());
        Assert.Equal(text, await _admin.GetStringAsync("/api/v1/books/small-book/versions/2"));
        Assert.Equal(BookWriter.Write(TestBooks.Small()), await _admin.GetStringAsync("/api/v1/books/small-book/versions/1"));
        Assert.Equal(2, JsonNode.Parse(await _admin.GetStringAsync("/api/v1/books/small-book/versions"))!.AsArray().Count);
    }

    [Fact]
    public async Task A_tenant_sees_its_allocations_by_month_and_its_sla_shortfall_months()
    {
        var alpha = _server.Client(await _server.KeyAsync(Role.Tenant, "alpha-lab"));

        var allocations = JsonNode.Parse(await alpha.GetStringAsync("/api/v1/books/small-book/tenants/alpha-lab/allocations?month=2026-03"))!;
        var sla = JsonNode.Parse(await alpha.GetStringAsync("/api/v1/books/small-book/tenants/alpha-lab/sla"))!;

        // Max-min by hand: 125 MW of gb300 (east 100, north 25) for 160 MW committed (alpha 80, beta 60, gamma 20);
        // no smaller set of contracts is tighter (beta alone: 100/60, gamma alone: 25/20, alpha+beta: 125/140),
        // so all three fill 125/160 = 78.125%: alpha gets 62.5 of its 80 MW.
        var month = allocations["months"]!.AsArray().Single()!;
        Assert.Equal("2026-03", month["month"]!.GetValue<string>());
        Assert.Equal(80 * 125.0 / 160, month["total_mw"]!.GetValue<double>(), 9);
        var contract = sla["contracts"]!.AsArray().Single()!;
        Assert.Equal("alpha-deal", contract["contract_id"]!.GetValue<string>());
        Assert.Equal(6 * 80.0, contract["committed_mw_months"]!.GetValue<double>(), 9);
        Assert.Equal(6, contract["shortfall_months"]!.AsArray().Count);
        Assert.Equal(80 - (80 * 125.0 / 160), contract["shortfall_months"]![0]!["shortfall_mw"]!.GetValue<double>(), 9);
    }

    [Fact]
    public async Task A_new_plan_reaches_a_tenant_reading_allocations_at_once()
    {
        var alpha = _server.Client(await _server.KeyAsync(Role.Tenant, "alpha-lab"));
        var before = JsonNode.Parse(await alpha.GetStringAsync("/api/v1/books/small-book/tenants/alpha-lab/allocations"))!["plan_id"]!.GetValue<string>();

        var created = JsonNode.Parse(await (await _admin.PostAsync("/api/v1/books/small-book/plans", null)).Content.ReadAsStringAsync())!;
        var after = JsonNode.Parse(await alpha.GetStringAsync("/api/v1/books/small-book/tenants/alpha-lab/allocations"))!["plan_id"]!.GetValue<string>();

        Assert.NotEqual(before, after);
        Assert.Equal(created["plan_id"]!.GetValue<string>(), after);
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_details_with_the_line_and_column()
    {
        var response = await _admin.PutAsync("/api/v1/books/small-book/contracts/new-deal",
            new StringContent("{\n  \"tenant\": \"alpha-lab\",\n  \"start\": 2026-01\n}", Encoding.UTF8, "application/json"));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        var error = problem["errors"]![0]!;
        Assert.Equal(3, error["line"]!.GetValue<int>());
        Assert.Equal(16, error["column"]!.GetValue<int>());
        Assert.Contains("line 3, column 16", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_json_property_is_an_error_naming_it()
    {
        var response = await _admin.PutAsync("/api/v1/books/small-book/contracts/new-deal",
            new StringContent("{\"tenant\": \"alpha-lab\", \"prise\": 1}", Encoding.UTF8, "application/json"));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("prise", problem["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_yaml_answers_400_problem_details_with_the_line_and_column()
    {
        var text = BookWriter.Write(TestBooks.Small()).Replace("halls: 4", "halls: four", StringComparison.Ordinal);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("halls: four", StringComparison.Ordinal)) + 1;

        var problem = await Problem(await _admin.PostAsync("/api/v1/books", Yaml(text)), HttpStatusCode.BadRequest);

        var error = problem["errors"]![0]!;
        Assert.Equal(line, error["line"]!.GetValue<int>());
        Assert.Equal(12, error["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task Missing_wrong_and_underpowered_keys_answer_problem_details()
    {
        await Problem(await _server.Client().GetAsync("/api/v1/books"), HttpStatusCode.Unauthorized);
        await Problem(await _server.Client("qm_000000000000_" + new string('A', 43)).GetAsync("/api/v1/books"), HttpStatusCode.Unauthorized);
        var analyst = _server.Client(await _server.KeyAsync(Role.Analyst));
        await Problem(await analyst.PostAsync("/api/v1/books/small-book/plans", null), HttpStatusCode.Forbidden);
        await Problem(await analyst.GetAsync("/api/v1/no-such-endpoint"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_contract_put_as_json_becomes_a_new_version_with_that_contract()
    {
        var body = """
            {"tenant": "gamma-corp", "start": "2026-02", "end": "2026-05", "price_per_mw_month_usd": 250000,
             "take_or_pay_fraction": 0.5, "chips": ["gb300"], "regions": ["us-east"], "isolation": "shared", "weight": 1,
             "ramp": [{"from": "2026-02", "mw": 10}]}
            """;
        var response = await _admin.PutAsync("/api/v1/books/small-book/contracts/gamma-extra", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var gamma = _server.Client(await _server.KeyAsync(Role.Tenant, "gamma-corp"));
        var contracts = JsonNode.Parse(await gamma.GetStringAsync("/api/v1/books/small-book/contracts"))!.AsArray();
        Assert.Equal(["gamma-deal", "gamma-extra"], contracts.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(2, (await _server.Store.ListVersionsAsync(AccessScope.System, "small-book")).Count);
    }

    [Fact]
    public async Task Provider_reads_of_tenant_data_are_audited_and_tenant_reads_of_their_own_are_not()
    {
        var analyst = _server.Client(await _server.KeyAsync(Role.Analyst));
        var beta = _server.Client(await _server.KeyAsync(Role.Tenant, "beta-lab"));
        var before = (await _server.Store.ReadAuditLogAsync()).Count;

        await beta.GetStringAsync("/api/v1/books/small-book/tenants/beta-lab/contracts");
        await analyst.GetStringAsync("/api/v1/books/small-book/contracts/beta-deal");

        var log = await _server.Store.ReadAuditLogAsync();
        Assert.Equal(["contract.read"], log.Skip(before).Select(e => e.Action));
        Assert.True(AuditVerification.Verify(log).IsIntact);
    }

    [Fact]
    public async Task A_key_over_its_rate_answers_429_problem_details()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "rate.db"), RequestsPerSecondPerKey = 1, BurstPerKey = 3 });
        var client = server.Client(await server.KeyAsync(Role.Analyst));
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await client.GetAsync("/api/v1/books"));
        }
        // A burst of 3, then 1 a second: 10 quick requests cannot all pass, however slow the machine.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], responses.Take(3).Select(r => r.StatusCode));
        await Problem(responses.First(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.TooManyRequests);
        // Another key has its own bucket.
        Assert.Equal(HttpStatusCode.OK, (await server.Client(await server.KeyAsync(Role.Analyst)).GetAsync("/api/v1/books")).StatusCode);
    }

    [Fact]
    public async Task Healthz_needs_no_key_and_the_scalar_reference_page_is_served()
    {
        var health = JsonNode.Parse(await _server.Client().GetStringAsync("/healthz"))!;
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal(Migration.Latest, health["schema_version"]!.GetValue<int>());
        var page = await _server.Client().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
