using System.Globalization;
using System.Text;

namespace Quartermaster.Watch;

/// <summary>
/// Writes deals as a deals file (docs/deals.md) that <see cref="DealsReader"/> reads back to equal deals:
/// every column in header order, numbers in their shortest round-trip form, fields quoted (RFC 4180) only
/// when they hold a comma, a quote or a line break.
/// </summary>
public static class DealsWriter
{
    /// <summary>The text of a deals file holding <paramref name="deals"/> in order, lines ending in LF.</summary>
    public static string Write(IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var text = new StringBuilder();
        text.Append(string.Join(',', DealColumns.All)).Append('\n');
        foreach (var d in deals)
        {
            string?[] fields =
            [
                d.Id, d.Announced?.ToString(), d.Provider, d.Lab, d.Kind.Word(), Number(d.PowerGw), d.ChipCount?.ToString(CultureInfo.InvariantCulture),
                d.ChipType, Number(d.AmountUsd), Number(d.TermYears), d.Exclusivity, d.Notes, d.SourceUrl, d.SourceTitle, d.Confidence.Word(),
            ];
            text.AppendJoin(',', fields.Select(Field)).Append('\n');
        }
        return text.ToString();
    }

    // Shortest round-trip form, but never an exponent: the reader accepts only digits and one point.
    private static string? Number(double? value) =>
        value?.ToString("R", CultureInfo.InvariantCulture) is { } text && text.Contains('E', StringComparison.Ordinal)
            ? value.Value.ToString("0.####################", CultureInfo.InvariantCulture)
            : value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
