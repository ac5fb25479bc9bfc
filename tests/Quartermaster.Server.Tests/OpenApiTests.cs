using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>The OpenAPI document describes exactly the endpoints the server answers, with their success and error responses.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-openapi-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(new ServerOptions { Database = Path.Combine(_directory, "o.db") });

    [Fact]
    public async Task Every_api_endpoint_the_server_maps_is_in_the_document_and_nothing_else()
    {
        var document = JsonNode.Parse(await _server.Client().GetStringAsync("/openapi/v1.json"))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))
            .Order(StringComparer.Ordinal).ToList();

        var mapped = _server.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1", StringComparison.Ordinal) || raw == "/healthz"))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task Every_operation_declares_its_success_response_and_problem_details_for_errors()
    {
        var document = JsonNode.Parse(await _server.Client().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{method} {path} declares no success response");
                if (path.StartsWith("/api/v1", StringComparison.Ordinal))
                {
                    Assert.NotNull(responses["404"]?["content"]?["application/problem+json"]);
                    Assert.NotNull(responses["401"]?["content"]?["application/problem+json"]);
                }
            }
        }
    }

    /// <summary>Route constraints (<c>{version:int}</c>) do not appear in OpenAPI paths.</summary>
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), "{([A-Za-z]+):[a-z]+}", "{$1}");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
