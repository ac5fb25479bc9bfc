using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Quartermaster.Analysis;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary><c>GET /api/v1/books/{bookId}/versions/{a}/diff/{b}</c> on SQLite, as each role.</summary>
public sealed class VersionDiffTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-diff-").FullName;
    private readonly Book _v1 = TestBooks.Small();
    private RunningServer _server = null!;
    private HttpClient _admin = null!;

    /// <summary>Version 2: beta-deal's price from $300K to $350K/MW-month and 20 MW more online at east.</summary>
    private Book V2 => _v1 with
    {
        Contracts = _v1.Contracts.Select(c => c.Id == "beta-deal" ? c with { PricePerMwMonthUsd = 350e3 } : c).ToValueList(),
        Sites = _v1.Sites.Select(s => s.Id == "east" ? s with { Online = ValueList.Of(new MwStep(new Month(2026, 1), 120)) } : s).ToValueList(),
    };

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "diff.db"), RequestsPerSecondPerKey = 1000, BurstPerKey = 1000 });
        _admin = _server.Client(await _server.KeyAsync(Role.Admin));
        foreach (var book in new[] { _v1, V2 })
        {
            var stored = await _admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(book), Encoding.UTF8, "application/yaml"));
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        }
    }

    [Fact]
    public async Task An_analyst_gets_the_document_qm_diff_prints_for_the_two_versions()
    {
        var analyst = _server.Client(await _server.KeyAsync(Role.Analyst));
        var response = await analyst.GetAsync("/api/v1/books/small-book/versions/1/diff/2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // The books as stored read back through YAML, as qm diff reads two files.
        var (old, @new) = (BookReader.ReadText(BookWriter.Write(_v1), "v1").Book!, BookReader.ReadText(BookWriter.Write(V2), "v2").Book!);
        var expected = JsonNode.Parse(DocumentJson.Serialize(DiffDocument.Of(BookDiff.Of(old, @new), "version 1", "version 2")))!;
        Assert.True(JsonNode.DeepEquals(expected, served), $"expected {expected.ToJsonString()}\nserved {served.ToJsonString()}");

        Assert.Equal(["site east changed", "contract beta-deal changed"],
            served["changes"]!.AsArray().Select(c => $"{c!["entity"]} {c["id"]} {c["kind"]}"));
        Assert.Null(served["risk"]);
        // 20 MW more at east fills more of alpha and beta; beta's dearer price adds revenue on top.
        Assert.True(served["effect"]!["revenue_delta_usd"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task The_reads_of_both_versions_are_audited_as_the_analysts()
    {
        var key = await _server.KeyAsync(Role.Analyst);
        var before = (await _server.Store.ReadAuditLogAsync()).Count;
        Assert.Equal(HttpStatusCode.OK, (await _server.Client(key).GetAsync("/api/v1/books/small-book/versions/2/diff/1")).StatusCode);
        var entries = (await _server.Store.ReadAuditLogAsync()).Skip(before).ToList();
        Assert.Equal(["book.read books/small-book/versions/2", "book.read books/small-book/versions/1"], entries.Select(e => $"{e.Action} {e.Resource}"));
        Assert.All(entries, e => Assert.Equal(key.Split('_')[1], e.Actor));
    }

    [Fact]
    public async Task A_tenant_gets_the_same_answer_as_for_a_book_that_does_not_exist()
    {
        var alpha = _server.Client(await _server.KeyAsync(Role.Tenant, "alpha-lab"));
        var real = await alpha.GetAsync("/api/v1/books/small-book/versions/1/diff/2");
        var madeUp = await alpha.GetAsync("/api/v1/books/no-such-book/versions/1/diff/2");
        Assert.Equal(madeUp.StatusCode, real.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(ProblemBodies.WithoutTraceId(await madeUp.Content.ReadAsStringAsync()), ProblemBodies.WithoutTraceId(await real.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_missing_version_is_404_and_an_unknown_policy_is_400()
    {
        var missing = await _admin.GetAsync("/api/v1/books/small-book/versions/1/diff/3");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var policy = await _admin.GetAsync("/api/v1/books/small-book/versions/1/diff/2?policy=fastest");
        Assert.Equal(HttpStatusCode.BadRequest, policy.StatusCode);
        Assert.Contains("unknown policy 'fastest'", await policy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var revenueMax = JsonNode.Parse(await _admin.GetStringAsync("/api/v1/books/small-book/versions/1/diff/2?policy=revenue-max"))!;
        Assert.Equal(["revenue-max", "revenue-max"], new[] { "old_policy", "new_policy" }.Select(k => revenueMax["effect"]![k]!.GetValue<string>()));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
