using Quartermaster.Books;
using Quartermaster.Watch.Csv;

namespace Quartermaster.Watch;

/// <summary>
/// Reads a deals file (CSV, RFC 4180; docs/deals.md) strictly: unknown or missing columns, malformed dates,
/// unknown kinds or confidence words, figures with units or signs in number columns, duplicate ids and
/// missing or non-http(s) source addresses are errors naming file, line and column (the field's column),
/// all reported together. Never throws for bad input.
/// </summary>
public static class DealsReader
{
    /// <summary>The largest deals file read, in bytes.</summary>
    public const long MaxFileBytes = 16 << 20;


    /// <summary>Reads and validates the deals file at <paramref name="path"/>.</summary>
    public static DealsReadResult ReadFile(string path)
    {
        var errors = new List<BookError>();
        return TextFile.Read(path, MaxFileBytes, "a deals file", errors) is { } text ? ReadText(text, path) : new DealsReadResult([], errors);
    }

    /// <summary>Reads and validates deals from <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static DealsReadResult ReadText(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Failed(file, "the file contains NUL bytes; it is not a CSV text file");
        }
        var errors = new List<BookError>();
        var records = CsvParser.Parse(text, file, errors);
        if (records.Count == 0)
        {
            return Failed(file, "the file is empty; expected a header line: " + string.Join(',', DealColumns.All));
        }
        var columns = ReadHeader(records[0], file, errors);
        var deals = new List<Deal>();
        if (columns is not null)
        {
            var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var record in records.Skip(1))
            {
                var row = new DealRow(record, columns, file, errors);
                // Duplicates are checked on the id as written, so a repeated id is reported even in a row with other errors.
                var id = row.Field(DealColumns.Id);
                var duplicate = id.Text.Length > 0 && !firstLineOfId.TryAdd(id.Text, record.Line);
                if (duplicate)
                {
                    errors.Add(new BookError(file, id.Line, id.Column, $"duplicate id '{id.Text}' (first at line {firstLineOfId[id.Text]})"));
                }
                if (row.Read() is { } deal && !duplicate)
                {
                    deals.Add(deal);
                }
            }
        }
        IReadOnlyList<BookError> sorted = [.. errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column)];
        return sorted.Count == 0 ? new DealsReadResult(deals, []) : new DealsReadResult([], sorted);
    }

    /// <summary>Column name to index, or null when the header has errors (each reported at its field).</summary>
    private static Dictionary<string, int>? ReadHeader(CsvRecord header, string file, List<BookError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var field = header.Fields[i];
            if (!DealColumns.All.Contains(field.Text))
            {
                var suggestion = Suggestions.Closest(field.Text, DealColumns.All);
                errors.Add(new BookError(file, field.Line, field.Column, $"unknown column '{field.Text}'"
                    + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)") + "; expected the columns " + string.Join(',', DealColumns.All)));
                ok = false;
            }
            else if (!columns.TryAdd(field.Text, i))
            {
                errors.Add(new BookError(file, field.Line, field.Column, $"column '{field.Text}' appears twice in the header"));
                ok = false;
            }
        }
        foreach (var missing in DealColumns.All.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new BookError(file, header.Line, 1, $"missing column '{missing}' in the header; every column is required, even when its cells are empty"));
            ok = false;
        }
        return ok ? columns : null;
    }

    private static DealsReadResult Failed(string file, string message) => new([], [new BookError(file, 1, 1, message)]);
}
