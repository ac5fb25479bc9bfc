using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Quartermaster.Books;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Every error is an RFC 9457 problem with a <c>detail</c>: those the endpoints write, those the framework writes
/// (401, 403, 404 and 405 from routing, 415, 500), and those Kestrel writes itself for requests it cannot parse.
/// </summary>
public sealed class ProblemBodyTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-problems-").FullName;
    private RunningServer _server = null!;
    private HttpClient _admin = null!;
    private string _adminKey = null!;

    private string Database => Path.Combine(_directory, "problems.db");

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions { Database = Database });
        _adminKey = await _server.KeyAsync(Role.Admin);
        _admin = _server.Client(_adminKey);
        (await _admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(TestBooks.Small()), Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("/api/v1/books/%00", 400)]
    [InlineData("/api/v1/books/a%00b/tenants", 400)]
    [InlineData("/api/v1/books/\u0001", 400)]
    [InlineData("/api/v1/books/a b", 400)]
    [InlineData("/api/v1/books/small-book/tenants/%0d%0aX-Injected:%20yes", 400)]
    public async Task A_path_with_a_nul_or_control_character_answers_a_problem_with_a_detail(string target, int status)
    {
        var answer = await RawHttp.SendAsync(_server.Address, "GET", target, "Authorization: Bearer " + _adminKey);

        AssertProblem(answer, status);
    }

    [Fact]
    public async Task A_request_line_over_kestrels_limit_answers_414_with_a_detail()
    {
        var answer = await RawHttp.SendAsync(_server.Address, "GET", "/api/v1/books/" + new string('x', 20_000));

        AssertProblem(answer, 414);
        Assert.Contains("longer than the server accepts", Detail(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_over_kestrels_limit_answer_431_with_a_detail()
    {
        var answer = await RawHttp.SendAsync(_server.Address, "GET", "/healthz", "X-Big: " + new string('y', 40_000));

        AssertProblem(answer, 431);
    }

    [Fact]
    public async Task Problems_written_by_the_framework_carry_a_detail()
    {
        var analyst = _server.Client(await _server.KeyAsync(Role.Analyst));

        var unauthorized = await _server.Client().GetAsync("/api/v1/books");
        var badKey = await _server.Client("qm_000000000000_" + new string('A', 43)).GetAsync("/api/v1/books");
        var forbidden = await analyst.PostAsync("/api/v1/books/small-book/plans", null);
        var noRoute = await analyst.GetAsync("/api/v1/no-such-endpoint");
        var notAllowed = await _admin.DeleteAsync("/api/v1/books");
        var wrongType = await _admin.PostAsync("/api/v1/books", new StringContent("book: x", Encoding.UTF8, "text/plain"));

        Assert.Contains("API key", await DetailAsync(unauthorized, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Contains("API key", await DetailAsync(badKey, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Contains("role", await DetailAsync(forbidden, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        await DetailAsync(noRoute, HttpStatusCode.NotFound);
        Assert.Contains("Allow", await DetailAsync(notAllowed, HttpStatusCode.MethodNotAllowed), StringComparison.Ordinal);
        Assert.Contains("Content-Type", await DetailAsync(wrongType, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_inside_the_server_answers_500_with_a_detail_and_its_trace_id()
    {
        // With the audit log closed, a provider read cannot leave its entry and fails whole.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Database))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER audit_log_closed BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is closed'); END";
            await command.ExecuteNonQueryAsync();
        }

        var response = await _admin.GetAsync("/api/v1/books/small-book");

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("trace_id", await DetailAsync(response, HttpStatusCode.InternalServerError), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem["trace_id"]?.GetValue<string>()));
    }

    private static void AssertProblem(RawHttp.Answer answer, int status)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.Header("Content-Type"));
        if (answer.Header("Content-Length") is { } length)
        {
            Assert.Equal(Encoding.UTF8.GetByteCount(answer.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), length);
        }
        var problem = JsonNode.Parse(answer.Body)!;
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(Detail(answer)));
    }

    private static string Detail(RawHttp.Answer answer) => JsonNode.Parse(answer.Body)!["detail"]!.GetValue<string>();

    private static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        var detail = problem["detail"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(detail), $"{(int)status} has no detail");
        return detail!;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
