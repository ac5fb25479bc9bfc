using System.Text.RegularExpressions;

namespace Quartermaster.Books;

/// <summary>
/// The one rule for ids (books, sites, tenants, contracts, investments, rivalry groups, chip types, regions,
/// plans, stress runs and API keys), applied alike to YAML, JSON bodies and URLs: short, stable names safe in
/// file names, URLs, headers and YAML. So an id never holds a control character or whitespace, anywhere.
/// </summary>
public static partial class Ids
{
    /// <summary>Longest id, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>What an id looks like, for error messages.</summary>
    public const string Form = "an id of letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)";

    // \z, not $: in .NET "$" also matches before a final newline, which let "book\n" through.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>True when <paramref name="id"/> has the form of an id (false for null).</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>
    /// <paramref name="value"/> as it may be quoted in an error message: control characters escaped (<c>\n</c>,
    /// <c>\u0000</c>) and cut to a readable length, so a bad id cannot break the line or flood the message.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }
        const int shown = 80;
        var text = new System.Text.StringBuilder();
        foreach (var c in value.Length > shown ? value[..shown] : value)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return "'" + text + "'" + (value.Length > shown ? $" (cut; {value.Length} characters)" : "");
    }
}
