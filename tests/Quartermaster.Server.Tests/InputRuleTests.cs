using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Quartermaster.Books;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// One input rule each, the same over HTTP as in a book file: the id rule in YAML, JSON and URLs; a repeated key
/// refused; a body only with the Content-Type its operation takes; a byte-order mark accepted; terms near the horizon.
/// Each refusal is a 400 or 415 problem with a detail, and stores nothing.
/// </summary>
public sealed class InputRuleTests : IAsyncLifetime
{
    private const string Contract = """
        {"tenant": "gamma-corp", "start": "2026-02", "end": "2026-05", "price_per_mw_month_usd": 250000,
         "take_or_pay_fraction": 0.5, "chips": ["gb300"], "regions": ["us-east"], "isolation": "shared", "weight": 1,
         "ramp": [{"from": "2026-02", "mw": 10}]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-input-").FullName;
    private RunningServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "input.db") });
        _admin = _server.Client(await _server.KeyAsync(Role.Admin));
        (await _admin.PostAsync("/api/v1/books", Yaml(BookWriter.Write(TestBooks.Small())))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_book_id_with_a_trailing_newline_is_a_400_and_nothing_is_stored()
    {
        var text = BookWriter.Write(TestBooks.Small()).Replace("book: small-book", "book: \"nl-book2\\n\"", StringComparison.Ordinal);
        var log = (await _server.Store.ReadAuditLogAsync()).Count;

        var response = await _admin.PostAsync("/api/v1/books", Yaml(text));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'nl-book2\\n'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, problem["errors"]![0]!["line"]!.GetValue<int>());
        Assert.Equal(["small-book"], (await _server.Store.ListBooksAsync(AccessScope.System)).Select(b => b.BookId));
        Assert.Equal(log, (await _server.Store.ReadAuditLogAsync()).Count);
    }

    [Theory]
    [InlineData("GET", "/api/v1/books/small-book%0A")]
    [InlineData("GET", "/api/v1/books/%20small-book")]
    [InlineData("GET", "/api/v1/books/small-book/tenants/alpha-lab%09")]
    [InlineData("GET", "/api/v1/books/small-book/contracts/alpha-deal%0D%0A")]
    [InlineData("GET", "/api/v1/books/small-book/sites/east%01")]
    [InlineData("POST", "/api/v1/stress-runs/run%0A/cancel")]
    [InlineData("PUT", "/api/v1/books/small-book%0A")]
    public async Task An_id_in_the_path_that_breaks_the_id_rule_is_a_400_naming_the_parameter(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = Yaml(BookWriter.Write(TestBooks.Small()));
        }

        var response = await _admin.SendAsync(request);

        var detail = (await ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>();
        Assert.Matches("^(bookId|tenantId|contractId|siteId|runId) '.*' is not an id; expected an id of letters", detail);
    }

    [Fact]
    public async Task An_id_in_the_path_longer_than_64_characters_is_a_400()
    {
        var response = await _admin.GetAsync("/api/v1/books/" + new string('b', 65));

        Assert.Contains("is not an id", (await ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"tenant\": \"gamma-corp\"", "\"tenant\": \"gamma-corp\\n\"", "tenant: 'gamma-corp\\n' is not an id")]
    [InlineData("\"chips\": [\"gb300\"]", "\"chips\": [\"gb300 \"]", "chips: 'gb300 ' is not an id")]
    [InlineData("{\"tenant\"", "{\"id\": \"other-deal\", \"tenant\"", "the body is contract 'other-deal', not 'gamma-extra'")]
    public async Task An_id_in_a_json_body_that_breaks_the_id_rule_is_a_400_naming_the_field(string from, string to, string expected)
    {
        var response = await _admin.PutAsync("/api/v1/books/small-book/contracts/gamma-extra", Json(Contract.Replace(from, to, StringComparison.Ordinal)));

        Assert.Contains(expected, (await ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await _server.Store.ListVersionsAsync(AccessScope.System, "small-book"));
    }

    [Fact]
    public async Task A_json_body_with_a_repeated_key_is_refused_as_a_repeated_yaml_key_is()
    {
        var body = Contract.Replace("\"weight\": 1,", "\"weight\": 1, \"weight\": 5,", StringComparison.Ordinal);

        var response = await _admin.PutAsync("/api/v1/books/small-book/contracts/gamma-extra", Json(body));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("weight", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await _server.Store.ListVersionsAsync(AccessScope.System, "small-book"));
        var yaml = BookWriter.Write(TestBooks.Small()).Replace("provider: ", "provider: Twice\nprovider: ", StringComparison.Ordinal);
        await ProblemAsync(await _admin.PutAsync("/api/v1/books/small-book", Yaml(yaml)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_refused_as_one_with_a_wrong_content_type_is()
    {
        var none = new ByteArrayContent(Encoding.UTF8.GetBytes(BookWriter.Write(TestBooks.Small())));
        var wrong = new StringContent(BookWriter.Write(TestBooks.Small()), Encoding.UTF8, "text/plain");
        var noneJson = new ByteArrayContent(Encoding.UTF8.GetBytes(Contract));

        var detail = (await ProblemAsync(await _admin.PostAsync("/api/v1/books", none), HttpStatusCode.UnsupportedMediaType))["detail"]!.GetValue<string>();
        await ProblemAsync(await _admin.PostAsync("/api/v1/books", wrong), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await _admin.PutAsync("/api/v1/books/small-book/contracts/gamma-extra", noneJson), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/yaml", detail, StringComparison.Ordinal);
        Assert.Single(await _server.Store.ListVersionsAsync(AccessScope.System, "small-book"));
    }

    [Fact]
    public async Task A_body_sent_to_an_operation_that_takes_none_is_refused_and_starts_nothing()
    {
        var log = (await _server.Store.ReadAuditLogAsync()).Count;

        var response = await _admin.PostAsync("/api/v1/books/small-book/stress-runs", Json("{\"paths\": 1000000000}"));

        Assert.Contains("takes no body", (await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(log, (await _server.Store.ReadAuditLogAsync()).Count);
    }

    [Fact]
    public async Task A_plan_request_without_a_body_still_plans_under_the_books_policy()
    {
        var response = await _admin.PostAsync("/api/v1/books/small-book/plans", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_book_with_a_byte_order_mark_is_accepted_over_http_as_qm_validate_accepts_it()
    {
        var text = BookWriter.Write(TestBooks.Small("bom-book"));
        var path = Path.Combine(_directory, "bom.yaml");
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");

        var response = await _admin.PostAsync("/api/v1/books", content);

        Assert.True(BookReader.ReadFile(path).IsValid);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // The mark is dropped; the rest is kept byte for byte.
        Assert.Equal(text, await _admin.GetStringAsync("/api/v1/books/bom-book/versions/1"));
    }

    [Fact]
    public async Task A_contract_from_year_1_to_year_9999_is_refused_over_http_as_in_a_book_file()
    {
        var body = Contract.Replace("\"start\": \"2026-02\", \"end\": \"2026-05\"", "\"start\": \"0001-01\", \"end\": \"9999-12\"", StringComparison.Ordinal)
            .Replace("\"from\": \"2026-02\"", "\"from\": \"0001-01\"", StringComparison.Ordinal);

        var response = await _admin.PutAsync("/api/v1/books/small-book/contracts/gamma-extra", Json(body));

        var detail = (await ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>();
        Assert.Contains("starts in 0001-01, more than 50 years before the horizon starts (2026-01)", detail, StringComparison.Ordinal);
        Assert.Single(await _server.Store.ListVersionsAsync(AccessScope.System, "small-book"));
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), "the problem has no detail");
        return problem;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
