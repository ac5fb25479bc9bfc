using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Quartermaster.Books;
using Quartermaster.Server;
using Quartermaster.Storage;
using Quartermaster.Stress;
using Quartermaster.Watch;

namespace Quartermaster.Client.Tests;

/// <summary>
/// The C# client Kiota generates from the OpenAPI document (at build time, from openapi.json) against the real server
/// on loopback: what a user of a generated client gets, read and written through the client's own types.
/// </summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-client-").FullName;
    private RunningServer _server = null!;
    private QuartermasterClient _admin = null!;

    public async Task InitializeAsync()
    {
        var seed = Path.Combine(_directory, "seed.yaml");
        await File.WriteAllTextAsync(seed, BookWriter.Write(TestBooks.Small()));
        _server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "client.db"),
            SeedBookPath = seed,
            StressRunner = new EngineStressRunner(new StressOptions(Paths: 2_000)),
            Deals = DealsOverview.Of(DealsReader.ReadFile(Path.Combine(Screenshots.Root, "data", "deals.csv")).Deals, [LabRivalryGroup.FrontierLabs]),
        });
        _admin = Client(await _server.KeyAsync(Role.Admin));
    }

    /// <summary>A generated client sending <paramref name="key"/> as a bearer token, on the server's address.</summary>
    private QuartermasterClient Client(string key)
    {
        var http = _server.Client(key);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = _server.Address.ToString().TrimEnd('/'),
        };
        return new QuartermasterClient(adapter);
    }

    [Fact]
    public async Task The_served_document_is_the_one_the_client_is_generated_from()
    {
        var served = JsonNode.Parse(await _server.Client().GetStringAsync("/openapi/v1.json"))!.AsObject();
        served.Remove("servers"); // the loopback port of this run; clients set their own base URL
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi.json")))!;

        Assert.True(JsonNode.DeepEquals(served, committed),
            "tests/Quartermaster.Client.Tests/openapi.json differs from the served document: save /openapi/v1.json there without \"servers\" and rebuild");
    }

    [Fact]
    public async Task A_generated_client_reads_books_sites_allocations_sla_and_deals()
    {
        var books = await _admin.Api.V1.Books.GetAsync();
        Assert.Equal(["small-book"], books!.Select(b => b.BookId));
        Assert.Equal(1, books![0]!.Version);

        var sites = await _admin.Api.V1.Books["small-book"].Sites.GetAsync();
        Assert.Equal(["east", "north"], sites!.Select(s => s.Id));
        Assert.Equal([100.0], sites![0]!.Online!.Select(s => s!.Mw!.Value));

        // As the tenant itself: max-min by hand gives all three contracts 125/160 of their MW in 2026-03 (ApiTests).
        var alpha = Client(await _server.KeyAsync(Role.Tenant, "alpha-lab"));
        var allocations = await alpha.Api.V1.Books["small-book"].Tenants["alpha-lab"].Allocations.GetAsync(r => r.QueryParameters!.Month = "2026-03");
        var month = Assert.Single(allocations!.Months!)!;
        Assert.Equal("2026-03", month.Month);
        Assert.Equal(80 * 125.0 / 160, month.TotalMw!.Value, 9);
        var sla = await alpha.Api.V1.Books["small-book"].Tenants["alpha-lab"].Sla.GetAsync();
        var contract = Assert.Single(sla!.Contracts!)!;
        Assert.Equal(("alpha-deal", 6 * 80.0), (contract!.ContractId, contract.CommittedMwMonths!.Value));
        Assert.Equal(6, contract.ShortfallMonths!.Count);

        var deals = await _admin.Api.V1.Deals.GetAsync();
        Assert.IsType<Quartermaster.Client.Models.DealsChartData>(deals);
        var json = await KiotaJsonSerializer.SerializeAsStringAsync(deals!);
        Assert.Contains("\"timeline\"", json, StringComparison.Ordinal);
        Assert.Contains("\"supplies_rivals\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_client_starts_a_stress_run_and_reads_it_to_its_end()
    {
        var started = await _admin.Api.V1.Books["small-book"].StressRuns.PostAsync();
        Assert.Equal(("small-book", 1), (started!.BookId, started.BookVersion!.Value));
        Assert.Contains(started.Status, new[] { "queued", "running" });

        var run = await Wait.UntilAsync(() => _admin.Api.V1.StressRuns[started.RunId!].GetAsync(), r => r!.Status is not ("queued" or "running"), "the stress run to end");
        Assert.Equal(("succeeded", 1.0), (run!.Status, run.Progress!.Value));
        Assert.NotNull(run.Result);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
