using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>
/// Reads the typed values of one input sheet against its expected columns: finds columns by header (with its unit),
/// reports unknown and duplicate headers, and records an <see cref="ImportError"/> naming the cell for every value
/// that is not what the column holds. Getters return null after recording an error, so reading goes on.
/// </summary>
internal sealed class SheetReader
{
    private readonly InputSheet _sheet;
    private readonly IReadOnlyList<SheetColumn> _columns;
    private readonly List<ImportError> _errors;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedMissing = new(StringComparer.Ordinal);

    public SheetReader(InputSheet sheet, IReadOnlyList<SheetColumn> columns, List<ImportError> errors)
    {
        _sheet = sheet;
        _columns = columns;
        _errors = errors;
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            var header = sheet.Headers[i];
            if (header.Length == 0)
            {
                continue;
            }
            var column = columns.FirstOrDefault(c => Same(c.Header, header));
            if (column is null)
            {
                var near = columns.FirstOrDefault(c => Same(c.Name, header) || header.StartsWith(c.Name + " (", StringComparison.OrdinalIgnoreCase));
                var hint = near is not null ? $"; expected '{near.Header}' (the unit is part of the header)"
                    : Suggestions.Closest(header, columns.Select(c => c.Header)) is { } close ? $" (did you mean '{close}'?)"
                    : $"; expected one of: {string.Join(", ", columns.Select(c => c.Header))}";
                Error(i, 1, $"unknown column '{header}'{hint}");
            }
            else if (!_index.TryAdd(column.Name, i))
            {
                Error(i, 1, $"column '{header}' appears twice (first in column {Sheet.ColumnLetter(_index[column.Name])})");
            }
        }
    }

    public string Name => _sheet.Name;

    public IReadOnlyList<InputRow> Rows => _sheet.Rows;

    /// <summary>The reference of <paramref name="column"/> in <paramref name="row"/>, such as <c>D7</c>, or null when the sheet lacks the column.</summary>
    public string? CellOf(InputRow row, string column) => _index.TryGetValue(column, out var i) ? Sheet.ColumnLetter(i) + row.Number.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>True when the sheet has a column named <paramref name="column"/>.</summary>
    public bool Has(string column) => _index.ContainsKey(column);

    public string? Text(InputRow row, string column, bool required)
    {
        var (cell, at) = Get(row, column, required);
        if (cell.Kind == CellKind.Empty)
        {
            return null;
        }
        if (cell.Kind == CellKind.Text)
        {
            // Names are kept exactly as written; ids and words are trimmed by their readers.
            return cell.TextValue!;
        }
        // A number typed into a text column (a name like 2026) is the text it shows.
        return cell.ToInvariantText();
    }

    public string? Id(InputRow row, string column, bool required)
    {
        var text = Text(row, column, required)?.Trim();
        if (text is not null && !Ids.IsValid(text))
        {
            Error(row, column, $"expected {Ids.Form}, got '{text}'");
            return null;
        }
        return text;
    }

    public IReadOnlyList<string>? IdList(InputRow row, string column, bool required)
    {
        var text = Text(row, column, required);
        if (text is null)
        {
            return null;
        }
        var ids = text.Split(',', StringSplitOptions.TrimEntries);
        if (ids.Any(id => !Ids.IsValid(id)))
        {
            Error(row, column, $"expected ids separated by commas (each {Ids.Form}), like 'gb300, mi450', got '{text}'");
            return null;
        }
        return ids;
    }

    public string? Word(InputRow row, string column, bool required, IReadOnlyList<string> words)
    {
        var text = Text(row, column, required)?.Trim();
        if (text is not null && !words.Contains(text))
        {
            var close = Suggestions.Closest(text, words) is { } c ? $" (did you mean '{c}'?)" : "";
            Error(row, column, $"expected one of {string.Join(", ", words)}, got '{text}'{close}");
            return null;
        }
        return text;
    }

    public double? Number(InputRow row, string column, bool required)
    {
        var (cell, _) = Get(row, column, required);
        return cell.Kind == CellKind.Empty ? null : Number(cell, row, column, UnitOf(column));
    }

    public long? WholeNumber(InputRow row, string column, bool required, long min, long max)
    {
        var number = Number(row, column, required);
        if (number is not { } n)
        {
            return null;
        }
        if (n != Math.Floor(n) || n < min || n > max)
        {
            Error(row, column, $"expected a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}, got {Shown(n)}");
            return null;
        }
        return (long)n;
    }

    public Month? Month(InputRow row, string column, bool required)
    {
        var (cell, _) = Get(row, column, required);
        return cell.Kind == CellKind.Empty ? null : Month(cell, row, column);
    }

    /// <summary>A rate: the fraction in <paramref name="column"/> and its period in <paramref name="periodColumn"/>; null when the value is empty.</summary>
    public Rate? Rate(InputRow row, string column, string periodColumn, bool required)
    {
        var fraction = Number(row, column, required);
        var period = Word(row, periodColumn, false, BookColumns.Periods);
        if (fraction is null)
        {
            return null;
        }
        if (period is null)
        {
            if (Has(periodColumn) && Get(row, periodColumn, false).Cell.Kind == CellKind.Empty)
            {
                Error(row, periodColumn, $"'{column}' is a rate: state its period, yr or month");
            }
            else if (!Has(periodColumn))
            {
                Missing(periodColumn);
            }
            return null;
        }
        return new Rate(fraction.Value, period == "yr" ? RatePeriod.Year : RatePeriod.Month);
    }

    /// <summary>Reads a number from <paramref name="cell"/>: a number cell, or text holding a plain number (CSV, or a number stored as text).</summary>
    public double? Number(Cell cell, InputRow row, string column, string? unit)
    {
        if (cell.Kind == CellKind.Number)
        {
            return cell.NumberValue;
        }
        var text = cell.ToInvariantText().Trim();
        if (Quantities.TryParseNumber(text, out var value))
        {
            return value;
        }
        Error(row, column, $"expected a number{(unit is null ? "" : $" in {unit} (the unit is in the header)")}, got '{text}'");
        return null;
    }

    /// <summary>Reads a month from <paramref name="cell"/>: a date on the first of a month, or text <c>yyyy-mm</c> (or <c>yyyy-mm-01</c>).</summary>
    public Month? Month(Cell cell, InputRow row, string column)
    {
        if (cell.Kind == CellKind.Number)
        {
            var serial = cell.NumberValue;
            if (serial == Math.Floor(serial) && serial is >= 1 and <= 2_958_465)
            {
                var date = XlsxWriter.FromSerial((int)serial);
                if (date.Day == 1)
                {
                    return new Month(date.Year, date.Month);
                }
                Error(row, column, $"expected a month: a date on the first of the month, got {date:yyyy-MM-dd}");
                return null;
            }
        }
        var text = cell.ToInvariantText().Trim();
        if (Core.Month.TryParse(text, out var month)
            || (text.Length == 10 && text.EndsWith("-01", StringComparison.Ordinal) && Core.Month.TryParse(text[..7], out month)))
        {
            return month;
        }
        Error(row, column, $"expected a month: a date on the first of the month, or text like 2026-06, got '{text}'");
        return null;
    }

    public void Error(InputRow row, string column, string message)
    {
        _errors.Add(new ImportError(Name, CellOf(row, column), message));
    }

    public void Error(int column, int row, string message) =>
        _errors.Add(new ImportError(Name, Sheet.ColumnLetter(column) + row.ToString(CultureInfo.InvariantCulture), message));

    /// <summary>An error about the row as a whole: it names the row's first cell.</summary>
    public void RowError(InputRow row, string message) =>
        _errors.Add(new ImportError(Name, "A" + row.Number.ToString(CultureInfo.InvariantCulture), message));

    private (Cell Cell, string? At) Get(InputRow row, string column, bool required)
    {
        if (!_index.TryGetValue(column, out var i))
        {
            if (required)
            {
                Missing(column);
            }
            return (Cell.Empty, null);
        }
        var cell = row[i];
        if (cell.Kind == CellKind.Text && cell.TextValue!.Trim().Length == 0)
        {
            cell = Cell.Empty;
        }
        if (cell.Kind == CellKind.Empty && required)
        {
            Error(row, column, $"'{column}' is required; the cell is empty");
        }
        return (cell, CellOf(row, column));
    }

    private void Missing(string column)
    {
        if (_reportedMissing.Add(column))
        {
            var header = _columns.First(c => c.Name == column).Header;
            _errors.Add(new ImportError(Name, null, $"no column '{header}' (row 1 holds the headers)"));
        }
    }

    private string? UnitOf(string column) => _columns.FirstOrDefault(c => c.Name == column)?.Unit;

    private static bool Same(string a, string b) =>
        string.Equals(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private static string Shown(double n) => n.ToString("R", CultureInfo.InvariantCulture);
}
