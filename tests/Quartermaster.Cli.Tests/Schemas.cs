using System.Text.Json.Nodes;
using Json.Schema;

namespace Quartermaster.Cli.Tests;

/// <summary>The published schemas (docs/schemas), read strictly: a field the schema does not declare is an error too.</summary>
internal static class Schemas
{
    public static string Folder => Path.Combine(Qm.Root, "docs", "schemas");

    /// <summary>Checks <paramref name="json"/> against docs/schemas/<paramref name="name"/>.schema.json; fails with every error and where it is.</summary>
    public static void AssertValid(string name, string json)
    {
        var schema = JsonSchema.FromText(Strict(File.ReadAllText(Path.Combine(Folder, name + ".schema.json"))));
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Take(20).ToList();
        Assert.True(result.IsValid, $"the output does not match docs/schemas/{name}.schema.json:\n" + string.Join("\n", errors));
    }

    /// <summary>
    /// The schema with <c>additionalProperties: false</c> on every object that lists its properties. The published schemas
    /// allow fields to be added later; the tests hold the output to exactly what the schema declares.
    /// </summary>
    private static string Strict(string schema)
    {
        var root = JsonNode.Parse(schema)!;
        Walk(root);
        return root.ToJsonString();

        static void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["properties"] is JsonObject && obj["additionalProperties"] is null)
                    {
                        obj["additionalProperties"] = false;
                    }
                    foreach (var (_, child) in obj.ToList())
                    {
                        Walk(child);
                    }
                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }
                    break;
            }
        }
    }
}
