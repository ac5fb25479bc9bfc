using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quartermaster.Cli;

/// <summary>Machine output: indented JSON with stable snake_case names, written to stdout.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(CliContext context, T value) => context.Stdout.WriteLine(JsonSerializer.Serialize(value, Options));
}
