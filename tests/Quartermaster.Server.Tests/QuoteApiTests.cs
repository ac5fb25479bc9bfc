using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Quartermaster.Books;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// <c>POST /api/v1/books/{bookId}/quotes</c> on SQLite. The small book's GB300 is all taken (160 MW asked of 125), but
/// north's 25 MW of trainium3 are free: a 10 MW trainium3 contract there fits in full and costs no one anything.
/// </summary>
public sealed class QuoteApiTests : IAsyncLifetime
{
    private const string Proposal = """
        proposal: "Gamma: 10 MW of trainium3"
        contracts:
          - id: gamma-trainium
            tenant: gamma-corp
            start: 2026-01
            end: 2026-06
            price: $400K/MW-month
            take_or_pay: 80%
            chips: [trainium3]
            regions: [eu-north]
            ramp: {2026-01: 10 MW}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-quote-api-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "quote.db"), RequestsPerSecondPerKey = 1000, BurstPerKey = 1000 });
        var admin = _server.Client(await _server.KeyAsync(Role.Admin));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/books", Yaml(BookWriter.Write(TestBooks.Small())))).StatusCode);
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task An_analyst_gets_the_headroom_and_verdict_and_the_read_is_audited()
    {
        var key = await _server.KeyAsync(Role.Analyst);
        var before = (await _server.Store.ReadAuditLogAsync()).Count;
        var response = await _server.Client(key).PostAsync("/api/v1/books/small-book/quotes?paths=200", Yaml(Proposal));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var quote = JsonNode.Parse(body)!;
        Assert.Equal(1, quote["schema_version"]!.GetValue<int>());
        var headroom = quote["headroom"]!.AsArray().Single()!;
        Assert.Equal(1.0, headroom["uniform_fraction"]!.GetValue<double>());
        Assert.All(headroom["months"]!.AsArray(), m => Assert.Equal(10.0, m!["headroom_mw"]!.GetValue<double>()));
        Assert.Empty(quote["costs"]!.AsArray());
        Assert.Equal(200, quote["risk"]!["paths"]!.GetValue<int>());
        Assert.StartsWith("The new contract for Gamma Corp fits in full; signed in full it takes no MW from existing contracts;", quote["verdict"]!.GetValue<string>(), StringComparison.Ordinal);
        var entries = (await _server.Store.ReadAuditLogAsync()).Skip(before).ToList();
        Assert.Contains(entries, e => e.Action == "book.read" && e.Resource.StartsWith("books/small-book", StringComparison.Ordinal) && e.Actor == key.Split('_')[1]);
    }

    [Fact]
    public async Task A_tenant_gets_the_same_answer_as_for_a_book_that_does_not_exist()
    {
        var alpha = _server.Client(await _server.KeyAsync(Role.Tenant, "alpha-lab"));
        var real = await alpha.PostAsync("/api/v1/books/small-book/quotes", Yaml(Proposal));
        var madeUp = await alpha.PostAsync("/api/v1/books/no-such-book/quotes", Yaml(Proposal));
        Assert.Equal(madeUp.StatusCode, real.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(ProblemBodies.WithoutTraceId(await madeUp.Content.ReadAsStringAsync()), ProblemBodies.WithoutTraceId(await real.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_proposal_with_an_unknown_tenant_is_a_400_naming_its_line_and_column()
    {
        var admin = _server.Client(await _server.KeyAsync(Role.Admin));
        var response = await admin.PostAsync("/api/v1/books/small-book/quotes", Yaml(Proposal.Replace("tenant: gamma-corp", "tenant: gamma-crop", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("line 4, column 13: contract 'gamma-trainium' names tenant 'gamma-crop', which is not in tenants (did you mean 'gamma-corp'?)",
            problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var missing = await admin.PostAsync("/api/v1/books/no-such-book/quotes", Yaml(Proposal));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var paths = await admin.PostAsync("/api/v1/books/small-book/quotes?paths=0", Yaml(Proposal));
        Assert.Equal(HttpStatusCode.BadRequest, paths.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
