using System.Text;
using Quartermaster.Books;

namespace Quartermaster.Watch.Csv;

/// <summary>
/// Splits RFC 4180 text into records: fields separated by commas, records by CRLF or LF, a field in
/// double quotes may hold commas, line breaks and doubled quotes (<c>""</c>). Every field keeps its line
/// and column so later checks can point at it. Malformed quoting is a <see cref="BookError"/>, never an
/// exception; blank lines are skipped.
/// </summary>
internal sealed class CsvParser
{
    private readonly string _text;
    private readonly string _file;
    private readonly List<BookError> _errors;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private CsvParser(string text, string file, List<BookError> errors)
    {
        _text = text;
        _file = file;
        _errors = errors;
        if (text.StartsWith('\uFEFF'))
        {
            // A byte-order mark is not part of the first column's name.
            _pos = _lineStart = 1;
        }
    }

    /// <summary>The records of <paramref name="text"/>; quoting errors are added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, string file, List<BookError> errors) =>
        new CsvParser(text, file, errors).Records();

    private List<CsvRecord> Records()
    {
        var records = new List<CsvRecord>();
        while (_pos < _text.Length)
        {
            if (AtLineBreak())
            {
                SkipLineBreak();
                continue;
            }
            var line = _line;
            var fields = new List<CsvField>();
            while (true)
            {
                fields.Add(Field());
                if (_pos < _text.Length && _text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }
                break;
            }
            records.Add(new CsvRecord(fields, line));
            if (_pos < _text.Length)
            {
                SkipLineBreak();
            }
        }
        return records;
    }

    private CsvField Field()
    {
        var line = _line;
        var column = Column;
        if (_pos < _text.Length && _text[_pos] == '"')
        {
            return QuotedField(line, column);
        }
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] != ',' && !AtLineBreak())
        {
            if (_text[_pos] == '"')
            {
                Error(_line, Column, "a double quote inside an unquoted field; quote the whole field and double the quote (\"\")");
            }
            _pos++;
        }
        return new CsvField(_text[start.._pos], line, column);
    }

    private CsvField QuotedField(int line, int column)
    {
        _pos++;
        var value = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                Error(line, column, "this quoted field is never closed; add the closing double quote");
                return new CsvField(value.ToString(), line, column);
            }
            var c = _text[_pos];
            if (c == '"')
            {
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '"')
                {
                    value.Append('"');
                    _pos += 2;
                    continue;
                }
                _pos++;
                break;
            }
            if (AtLineBreak())
            {
                value.Append('\n');
                SkipLineBreak();
                continue;
            }
            value.Append(c);
            _pos++;
        }
        if (_pos < _text.Length && _text[_pos] != ',' && !AtLineBreak())
        {
            Error(_line, Column, $"unexpected '{_text[_pos]}' after the closing quote of a field; expected ',' or the end of the line");
            while (_pos < _text.Length && _text[_pos] != ',' && !AtLineBreak())
            {
                _pos++;
            }
        }
        return new CsvField(value.ToString(), line, column);
    }

    private int Column => _pos - _lineStart + 1;

    private bool AtLineBreak() => _pos < _text.Length && _text[_pos] is '\n' or '\r';

    private void SkipLineBreak()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos++;
        }
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private void Error(int line, int column, string message) => _errors.Add(new BookError(_file, line, column, message));
}
