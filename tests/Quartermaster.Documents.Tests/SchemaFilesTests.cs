using System.Text.Json.Nodes;

namespace Quartermaster.Documents.Tests;

/// <summary>docs/schemas holds exactly what the document types generate, and every field in it says what it means.</summary>
public class SchemaFilesTests
{
    private const string Regenerate = "./qm schema --out docs/schemas";

    private static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Quartermaster.slnx")))
                {
                    return Path.Combine(dir.FullName, "docs", "schemas");
                }
            }
            throw new InvalidOperationException("cannot find the repository root");
        }
    }

    [Fact]
    public void The_published_schemas_are_what_the_document_types_generate()
    {
        foreach (var kind in DocumentKind.All)
        {
            var path = Path.Combine(Folder, DocumentSchemas.FileName(kind));
            Assert.True(File.Exists(path), $"docs/schemas has no {DocumentSchemas.FileName(kind)}; run {Regenerate}");
            Assert.True(File.ReadAllText(path) == DocumentSchemas.TextOf(kind),
                $"docs/schemas/{DocumentSchemas.FileName(kind)} differs from what {kind.Type.Name} generates; run {Regenerate} and review the diff (and docs/schemas/CHANGES.md)");
        }
        var published = Directory.GetFiles(Folder, "*.schema.json").Select(Path.GetFileName);
        Assert.Equal(DocumentKind.All.Select(DocumentSchemas.FileName).Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_document_starts_with_a_required_schema_version_and_every_field_has_a_description()
    {
        foreach (var kind in DocumentKind.All)
        {
            var schema = DocumentSchemas.Of(kind);
            var properties = schema["properties"]!.AsObject();
            Assert.Equal("schema_version", properties.First().Key);
            Assert.Equal(kind.Version, properties["schema_version"]!["const"]!.GetValue<int>());
            Assert.Contains("schema_version", schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Empty(Undescribed(schema, kind.Name));
            Assert.Empty(RequiredButNullable(schema, kind.Name));
        }
    }

    [Fact]
    public void Month_fields_have_the_month_pattern_and_nullable_fields_are_not_required()
    {
        var show = DocumentSchemas.Of(DocumentKind.Find("show")!);
        var capacity = show["properties"]!["capacity"]!;
        Assert.Equal(DocumentSchemas.MonthPattern, capacity["properties"]!["months"]!["items"]!["pattern"]!.GetValue<string>());
        var first = capacity["properties"]!["first_shortage_month"]!;
        Assert.Equal(["string", "null"], first["type"]!.AsArray().Select(n => n!.GetValue<string>()));
        var required = capacity["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("months", required);
        Assert.DoesNotContain("first_shortage_month", required);
    }

    /// <summary>Fields listed as required whose type still admits null: a contradiction a client generator would trip on.</summary>
    private static IEnumerable<string> RequiredButNullable(JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }
        if (obj["properties"] is JsonObject properties)
        {
            var required = obj["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var (name, property) in properties)
            {
                if (required.Contains(name) && property?["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null"))
                {
                    yield return $"{path}.{name}";
                }
                foreach (var inner in RequiredButNullable(property, $"{path}.{name}"))
                {
                    yield return inner;
                }
            }
        }
        foreach (var inner in RequiredButNullable(obj["items"], path + "[]"))
        {
            yield return inner;
        }
    }

    private static IEnumerable<string> Undescribed(JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }
        if (obj["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property?["description"] is null)
                {
                    yield return $"{path}.{name}";
                }
                foreach (var inner in Undescribed(property, $"{path}.{name}"))
                {
                    yield return inner;
                }
            }
        }
        foreach (var inner in Undescribed(obj["items"], path + "[]"))
        {
            yield return inner;
        }
    }
}
