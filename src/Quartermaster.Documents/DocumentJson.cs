using System.Text.Json;
using System.Text.Json.Serialization;
using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>
/// The one serializer setting of every document: snake_case names, enums as their lower-case hyphenated words
/// (<c>max-min</c>, <c>compute-supply</c>), months as <c>YYYY-MM</c>, and no NaN or Infinity: serialising a
/// non-finite number throws instead of printing a value no JSON parser accepts.
/// </summary>
public static class DocumentJson
{
    /// <summary>Compact output, for documents embedded in a page or stored.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Indented output, for documents printed for people and programs alike (<c>qm ... --json</c>).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>
    /// New instances of the converters every document relies on (months as <c>YYYY-MM</c>, enums as their words), for
    /// another serializer setting that writes documents, such as the server's.
    /// </summary>
    public static IEnumerable<JsonConverter> Converters() =>
        [new MonthJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)];

    /// <summary>The JSON of <paramref name="document"/>.</summary>
    /// <exception cref="InvalidOperationException">The document holds NaN or an infinity: a bug upstream, never printed.</exception>
    public static string Serialize<T>(T document, bool indented = false)
    {
        try
        {
            return JsonSerializer.Serialize(document, indented ? Indented : Options);
        }
        catch (ArgumentException e) when (e.Message.Contains("JSON", StringComparison.Ordinal))
        {
            // Utf8JsonWriter refuses NaN and Infinity under strict number handling; say what that means here.
            throw new InvalidOperationException($"a {typeof(T).Name} holds a number that is not finite (NaN or Infinity): {e.Message}", e);
        }
    }

    /// <summary>Reads a document written by <see cref="Serialize{T}"/>; every field must be present.</summary>
    /// <exception cref="JsonException">The text is not such a document, or one of another shape (a field is missing or null where it may not be).</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"expected a {typeof(T).Name}, found null");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Dictionary keys are data (chip types), not names: written as they are.
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            // Reading a document of another shape (an older schema_version) fails instead of leaving fields empty.
            RespectRequiredConstructorParameters = true,
        };
        foreach (var converter in Converters())
        {
            options.Converters.Add(converter);
        }
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
