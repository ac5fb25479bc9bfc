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
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1", StringComparison.Ordinal) || raw is "/healthz" or "/readyz"))
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

    [Fact]
    public async Task Every_operation_has_an_operation_id_every_tag_a_description_and_the_server_url_no_trailing_slash()
    {
        var document = JsonNode.Parse(await _server.Client().GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Label: $"{o.Key} {p.Key}", Operation: o.Value!))).ToList();

        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.Operation["operationId"]?.GetValue<string>()), $"{o.Label} has no operationId"));
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
        var used = operations.SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => t!.GetValue<string>())).ToHashSet();
        var described = document["tags"]!.AsArray().Where(t => !string.IsNullOrEmpty(t!["description"]?.GetValue<string>())).Select(t => t!["name"]!.GetValue<string>());
        Assert.Subset(described.ToHashSet(), used);
        Assert.All(document["servers"]!.AsArray(), s => Assert.False(s!["url"]!.GetValue<string>().EndsWith('/'), $"server {s["url"]} ends with a slash"));
    }

    [Fact]
    public async Task Every_json_response_and_property_has_a_named_schema()
    {
        var document = JsonNode.Parse(await _server.Client().GetStringAsync("/openapi/v1.json"))!;
        var unnamed = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    var schema = response!["content"]?["application/json"]?["schema"];
                    if (schema is not null && !IsNamed(schema))
                    {
                        unnamed.Add($"{method.ToUpperInvariant()} {path} {status}");
                    }
                }
            }
        }
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (schema is JsonObject empty && !empty.ContainsKey("type") && !empty.ContainsKey("properties") && !empty.ContainsKey("enum") && !empty.ContainsKey("$ref"))
            {
                unnamed.Add("empty schema " + name);
            }
            foreach (var (property, value) in schema!["properties"]?.AsObject() ?? [])
            {
                if (value is JsonObject p && !p.ContainsKey("type") && !p.ContainsKey("$ref") && !p.ContainsKey("oneOf") && !p.ContainsKey("anyOf") && !p.ContainsKey("allOf"))
                {
                    unnamed.Add($"{name}.{property}");
                }
            }
        }
        Assert.Empty(unnamed);
    }

    private static bool IsNamed(JsonNode schema) =>
        schema["$ref"] is not null || (schema["type"]?.GetValue<string>() == "array" && schema["items"] is { } items && IsNamed(items));

    [Fact]
    public async Task The_document_passes_redoclys_recommended_lint_with_no_error_and_no_warning()
    {
        // Kept in the test output, where a failure can be looked at with the same linter.
        var file = Path.Combine(AppContext.BaseDirectory, "openapi.json");
        await File.WriteAllTextAsync(file, await _server.Client().GetStringAsync("/openapi/v1.json"));
        var lint = await OpenApiLinter.LintAsync(file);
        Assert.True(lint.Errors == 0 && lint.Warnings == 0, $"{lint.Errors} errors, {lint.Warnings} warnings:\n{lint.Report}");
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
