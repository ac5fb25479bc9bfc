using System.Text;

namespace Quartermaster.Interop;

/// <summary>
/// Sheets as CSV files (RFC 4180, UTF-8, LF line ends): one <c>NAME.csv</c> per sheet, the header row first, numbers in
/// their shortest round-trip form and months as <c>yyyy-mm</c>, so a CSV folder holds exactly the workbook's values.
/// </summary>
public static class CsvTables
{
    /// <summary>Writes every sheet of <paramref name="workbook"/> into <paramref name="folder"/> (created if missing); returns the file names.</summary>
    public static IReadOnlyList<string> WriteFolder(Workbook workbook, string folder)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        Directory.CreateDirectory(folder);
        var names = new List<string>();
        foreach (var sheet in workbook.Sheets)
        {
            var name = sheet.Name + ".csv";
            File.WriteAllText(Path.Combine(folder, name), Write(sheet), new UTF8Encoding(false));
            names.Add(name);
        }
        return names;
    }

    /// <summary>The CSV text of <paramref name="sheet"/>.</summary>
    public static string Write(Sheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder();
        Line(text, sheet.Columns.Select(c => c.Header));
        foreach (var row in sheet.Rows)
        {
            Line(text, row.Select(c => c.ToInvariantText()));
        }
        return text.ToString();

        static void Line(StringBuilder text, IEnumerable<string> fields)
        {
            text.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }
    }

    /// <summary>Every <c>*.csv</c> file of <paramref name="folder"/> as a sheet named after the file; every value is text.</summary>
    public static IReadOnlyList<InputSheet> ReadFolder(string folder)
    {
        var sheets = new List<InputSheet>();
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            sheets.Add(Read(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file, Encoding.UTF8)));
        }
        return sheets;
    }

    /// <summary>Reads CSV <paramref name="text"/> as sheet <paramref name="name"/>; an unterminated quote ends at the end of the text.</summary>
    public static InputSheet Read(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Records(text.TrimStart('\uFEFF'));
        var header = records.Count > 0 ? records[0] : [];
        var rows = new List<InputRow>();
        for (var i = 1; i < records.Count; i++)
        {
            var cells = records[i].Select(Cell.Of).ToList();
            if (cells.Any(c => c.Kind != CellKind.Empty))
            {
                rows.Add(new InputRow(i + 1, cells));
            }
        }
        return new InputSheet(name, [.. header.Select(h => h.Trim())], rows);
    }

    private static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields);
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }
        return records;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
