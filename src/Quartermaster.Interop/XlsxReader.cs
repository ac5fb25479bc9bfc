using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Quartermaster.Interop;

/// <summary>
/// Reads the sheets of an xlsx file as values: numbers (dates are numbers: serials, read as months where a
/// column expects one), texts (shared, inline or formula results) and booleans as the words TRUE and FALSE.
/// Formulas are not evaluated: their last value saved by the spreadsheet is read.
/// </summary>
public static class XlsxReader
{
    /// <summary>The sheets of the workbook at <paramref name="path"/>, in workbook order.</summary>
    /// <exception cref="InvalidDataException">The file is not an xlsx workbook.</exception>
    public static IReadOnlyList<InputSheet> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>The sheets of the workbook in <paramref name="stream"/>, in workbook order.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold an xlsx workbook.</exception>
    public static IReadOnlyList<InputSheet> Read(Stream stream)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            return Read(document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException)
        {
            throw new InvalidDataException("not an xlsx workbook: " + e.Message, e);
        }
    }

    private static List<InputSheet> Read(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook part");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<X.SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var sheets = new List<InputSheet>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<X.Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }
            var rows = new List<(int Number, Cell[] Cells)>();
            var previousRow = 0;
            foreach (var row in part.Worksheet?.Descendants<X.Row>() ?? [])
            {
                var number = (int?)row.RowIndex?.Value ?? previousRow + 1;
                previousRow = number;
                var cells = new List<Cell>();
                var previousColumn = -1;
                foreach (var cell in row.Elements<X.Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : previousColumn + 1;
                    previousColumn = column;
                    while (cells.Count <= column)
                    {
                        cells.Add(Cell.Empty);
                    }
                    cells[column] = Value(cell, shared);
                }
                if (cells.Any(c => c.Kind != CellKind.Empty))
                {
                    rows.Add((number, [.. cells]));
                }
            }
            var header = rows.FirstOrDefault(r => r.Number == 1).Cells ?? [];
            sheets.Add(new InputSheet(sheet.Name?.Value ?? "",
                [.. header.Select(c => c.Kind == CellKind.Empty ? "" : c.ToInvariantText().Trim())],
                [.. rows.Where(r => r.Number > 1).Select(r => new InputRow(r.Number, r.Cells))]));
        }
        return sheets;
    }

    private static Cell Value(X.Cell cell, string[] shared)
    {
        var text = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == X.CellValues.InlineString)
        {
            return Cell.Of(cell.InlineString?.InnerText);
        }
        if (text is null)
        {
            return Cell.Empty;
        }
        if (type == X.CellValues.SharedString)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Length ? Cell.Of(shared[index]) : Cell.Empty;
        }
        if (type == X.CellValues.Boolean)
        {
            return Cell.Of(text == "1" ? "TRUE" : "FALSE");
        }
        if (type == X.CellValues.Date)
        {
            // ISO 8601 dates (t="d"), which some writers use instead of serials.
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                ? Cell.Of(XlsxWriter.Serial(DateOnly.FromDateTime(date)))
                : Cell.Of(text);
        }
        if (type == X.CellValues.String || type == X.CellValues.Error)
        {
            return Cell.Of(text);
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? Cell.Of(number)
            : Cell.Of(text);
    }

    /// <summary>The 0-based column of a reference such as <c>AB12</c>.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            index = (index * 26) + (c - 'A' + 1);
        }
        return index - 1;
    }
}
