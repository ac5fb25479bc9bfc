using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quartermaster.Core;

/// <summary>
/// Writes a <see cref="Month"/> as the string <c>YYYY-MM</c> and reads only that form, so every JSON face
/// (CLI, API, report) shows months the way the book writes them.
/// </summary>
public sealed class MonthJsonConverter : JsonConverter<Month>
{
    /// <inheritdoc/>
    public override Month Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Month.TryParse(reader.GetString(), out var month)
            ? month
            : throw new JsonException("expected a month like \"2026-06\"");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Month value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
