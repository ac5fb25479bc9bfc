using System.Globalization;
using System.Text.RegularExpressions;
using Quartermaster.Books;
using Quartermaster.Watch.Csv;

namespace Quartermaster.Watch;

/// <summary>Checks one row field by field, collecting every error before giving up on the row.</summary>
internal sealed partial class DealRow(CsvRecord record, Dictionary<string, int> columns, string file, List<BookError> errors)
{
    private const double MaxPowerGw = 100;
    private const double MaxAmountUsd = 5e12;
    private const double MaxTermYears = 50;
    private const long MaxChipCount = 1_000_000_000;
    private bool _ok = true;

    private delegate bool TryParse<T>(string text, out T value);

    [GeneratedRegex(@"^\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    public CsvField Field(string column)
    {
        var index = columns[column];
        if (index < record.Fields.Count)
        {
            return record.Fields[index];
        }
        var last = record.Fields[^1];
        return new CsvField("", last.Line, last.Column + last.Text.Length + 1);
    }

    public Deal? Read()
    {
        if (record.Fields.Count != columns.Count)
        {
            var at = record.Fields.Count > columns.Count ? record.Fields[columns.Count] : record.Fields[^1];
            Error(at, $"this row has {record.Fields.Count} fields but the header has {columns.Count}; quote a field that holds a comma");
            return null;
        }
        var id = Required(DealColumns.Id);
        if (id is not null && !Ids.IsValid(id))
        {
            Error(Field(DealColumns.Id), $"'{id}' is not an id; expected {Ids.Form}");
        }
        var announced = Date();
        var provider = Required(DealColumns.Provider);
        var lab = Required(DealColumns.Counterparty);
        var kind = Word<DealKind>(DealColumns.Kind, DealTerms.KindWords, DealTerms.TryParseKind);
        var power = Number(DealColumns.PowerGw, "GW", "4.5", MaxPowerGw);
        var chips = Number(DealColumns.ChipCount, "chips", "1000000", MaxChipCount);
        var amount = Number(DealColumns.AmountUsd, "US dollars", "25000000000", MaxAmountUsd);
        var term = Number(DealColumns.TermYears, "years", "5", MaxTermYears);
        var url = SourceUrl();
        var confidence = Word<DealConfidence>(DealColumns.Confidence, DealTerms.ConfidenceWords, DealTerms.TryParseConfidence);
        if (chips is { } count && count != Math.Floor(count))
        {
            Error(Field(DealColumns.ChipCount), $"chip_count {Field(DealColumns.ChipCount).Text} is not a whole number of chips");
        }
        if (kind == DealKind.Equity && power is not null)
        {
            Error(Field(DealColumns.PowerGw), "an equity deal carries dollars, not GW; record the capacity as its own supply deal");
        }
        if (!_ok)
        {
            return null;
        }
        return new Deal(id!, announced, provider!, lab!, kind!.Value, power, (long?)chips, Optional(DealColumns.ChipType), amount, term,
            Optional(DealColumns.Exclusivity), Optional(DealColumns.Notes), url!, Optional(DealColumns.SourceTitle), confidence!.Value, record.Line);
    }

    private string? Required(string column)
    {
        var text = Field(column).Text.Trim();
        if (text.Length == 0)
        {
            Error(Field(column), $"missing {column}; every deal needs one");
            return null;
        }
        return text;
    }

    private string? Optional(string column) => Field(column).Text.Trim() is { Length: > 0 } text ? text : null;

    private AnnouncedDate? Date()
    {
        var field = Field(DealColumns.Announced);
        if (field.Text.Length == 0)
        {
            return null;
        }
        if (!AnnouncedDate.TryParse(field.Text, out var date))
        {
            Error(field, $"'{field.Text}' is not a date; expected a day like 2025-09-22, a month like 2025-09 or a year like 2026 (leave it empty when no source dates the deal)");
            return null;
        }
        return date;
    }

    private T? Word<T>(string column, IReadOnlyList<string> words, TryParse<T> parse)
        where T : struct
    {
        var field = Field(column);
        if (parse(field.Text, out var value))
        {
            return value;
        }
        var suggestion = field.Text.Length == 0 ? null : Suggestions.Closest(field.Text, words);
        Error(field, (field.Text.Length == 0 ? $"missing {column}" : $"unknown {column} '{field.Text}'")
            + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)") + $"; expected one of {string.Join(", ", words)}");
        return null;
    }

    private double? Number(string column, string unit, string example, double max)
    {
        var field = Field(column);
        var text = field.Text;
        if (text.Length == 0)
        {
            return null;
        }
        if (text.StartsWith('-') && PlainNumber().IsMatch(text[1..]))
        {
            Error(field, $"{column} {text} must not be negative");
            return null;
        }
        if (!PlainNumber().IsMatch(text))
        {
            Error(field, $"'{text}' is not a plain number; {column} is in {unit}, so write a number like {example} without units, signs or separators");
            return null;
        }
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        if (value > max)
        {
            Error(field, $"{column} {text} is implausibly large; expected at most {max.ToString(CultureInfo.InvariantCulture)} {unit}");
            return null;
        }
        return value;
    }

    private string? SourceUrl()
    {
        var field = Field(DealColumns.SourceUrl);
        var text = field.Text;
        if (text.Trim().Length == 0)
        {
            Error(field, "missing source_url; every deal needs the http(s) address of a public source");
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0
            || text.Any(char.IsWhiteSpace))
        {
            Error(field, $"'{text}' is not an http(s) address; expected a source URL like https://example.com/article");
            return null;
        }
        return text;
    }

    private void Error(CsvField at, string message)
    {
        _ok = false;
        errors.Add(new BookError(file, at.Line, at.Column, message));
    }
}
