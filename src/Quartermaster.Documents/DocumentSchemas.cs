using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>
/// JSON Schemas (draft 2020-12) of the documents, generated from the record types as <see cref="DocumentJson"/>
/// serialises them: months get their <c>YYYY-MM</c> pattern, every non-nullable property is required, and every
/// description is the doc comment of the record it comes from. <c>qm schema</c> prints them; docs/schemas holds them.
/// </summary>
public static class DocumentSchemas
{
    /// <summary>The pattern of a month, <c>YYYY-MM</c>.</summary>
    public const string MonthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema of <paramref name="kind"/>.</summary>
    public static JsonObject Of(DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };
        var schema = DocumentJson.Options.GetJsonSchemaAsNode(kind.Type, exporter).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = kind.Name,
            ["description"] = $"{XmlDocs.OfType(kind.Type)} Written by: {kind.Source}.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            if (key != "description")
            {
                schema.Remove(key);
                root[key] = value;
            }
        }
        return root;
    }

    /// <summary>The schema of <paramref name="kind"/> as the text of its file: indented, LF line ends, a final newline.</summary>
    public static string TextOf(DocumentKind kind) => Of(kind).ToJsonString(Writing).ReplaceLineEndings("\n") + "\n";

    /// <summary>The file name of <paramref name="kind"/>'s schema: <c>NAME.schema.json</c>.</summary>
    public static string FileName(DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Name + ".schema.json";
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        if (MonthSchema(type) is { } month)
        {
            // Month has its own converter, so the exporter cannot see that it is a string.
            schema = month;
        }
        if (schema is not JsonObject obj)
        {
            // true (anything): nothing to describe.
            return schema;
        }
        if (context.TypeInfo.Kind == JsonTypeInfoKind.Enumerable && obj["items"] is null && MonthSchema(context.TypeInfo.ElementType!) is { } item)
        {
            // The exporter does not visit items it can say nothing about, so a list of months is given its items here.
            obj["items"] = item;
        }
        if (context.Path.IsEmpty)
        {
            // A document is never null, though its record type is a reference type.
            obj["type"] = "object";
        }
        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && obj["properties"] is JsonObject properties)
        {
            var required = context.TypeInfo.Properties.Where(p => !IsNullable(p)).Select(p => p.Name).ToList();
            obj["required"] = new JsonArray([.. required.Select(name => JsonValue.Create(name))]);
            foreach (var name in required)
            {
                // A get-only property (a computed list) is exported as nullable, though it never is.
                if (properties[name]?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
                {
                    var others = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
                    properties[name]!["type"] = others.Count == 1 ? others[0] : new JsonArray([.. others.Select(t => JsonValue.Create(t))]);
                }
            }
        }
        var description = context.PropertyInfo is { } property ? Describe(property) : null;
        if (description is null && context.PropertyInfo is null && context.TypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            description = XmlDocs.OfType(type);
        }
        if (context.PropertyInfo is { Name: "schema_version" } version && version.DeclaringType.GetField("Version")?.GetValue(null) is int number)
        {
            obj["const"] = number;
        }
        if (description is null)
        {
            return obj;
        }
        // The description first: a person reading the file sees what a field means before its type.
        var described = new JsonObject { ["description"] = description };
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            described[key] = value;
        }
        return described;
    }

    private static JsonObject? MonthSchema(Type type) =>
        type == typeof(Month) || type == typeof(Month?)
            ? new JsonObject { ["type"] = type == typeof(Month?) ? new JsonArray("string", "null") : "string", ["pattern"] = MonthPattern }
            : null;

    private static string? Describe(JsonPropertyInfo property)
    {
        var member = property.AttributeProvider as MemberInfo;
        var declaring = member?.DeclaringType ?? property.DeclaringType;
        var name = member?.Name ?? property.Name;
        if (name == nameof(IDocument.SchemaVersion))
        {
            return XmlDocs.OfProperty(typeof(IDocument), name);
        }
        return XmlDocs.OfProperty(declaring, name);
    }

    private static bool IsNullable(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is not null : property.IsGetNullable;
}
