using System.Net;
using System.Text.Json.Nodes;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Rate-limit buckets: a valid key has its own; requests with a refused key share one per address, apart from
/// requests without a key; health checks have their own per address, so no other caller can throttle them.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Burst = 3;

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-rate-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "rate.db"), RequestsPerSecondPerKey = 1, BurstPerKey = Burst });

    [Fact]
    public async Task A_burst_of_refused_keys_throttles_refused_keys_only_not_health_checks_anonymous_callers_or_valid_keys()
    {
        var badKeys = Enumerable.Range(0, 10).Select(i => _server.Client($"qm_{i:D12}_" + new string('A', 43))).ToList();
        var statuses = new List<HttpStatusCode>();
        foreach (var client in badKeys)
        {
            statuses.Add((await client.GetAsync("/api/v1/books")).StatusCode);
        }
        // A burst of 3, then 1 a second: 10 quick requests cannot all pass, however slow the machine.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, Burst), statuses.Take(Burst));
        var refused = await badKeys[0].GetAsync("/api/v1/books");
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Append(refused.StatusCode));

        var anonymous = _server.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/books")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.Client(await _server.KeyAsync(Role.Analyst)).GetAsync("/api/v1/books")).StatusCode);
    }

    [Fact]
    public async Task A_burst_of_anonymous_requests_does_not_throttle_health_checks()
    {
        var anonymous = _server.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Health_checks_over_their_own_rate_answer_429_with_a_detail_and_throttle_nobody_else()
    {
        var anonymous = _server.Client();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await anonymous.GetAsync("/healthz"));
        }

        var throttled = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!["detail"]?.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
