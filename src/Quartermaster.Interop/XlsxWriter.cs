using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Quartermaster.Interop;

/// <summary>
/// Writes a <see cref="Workbook"/> as an xlsx file with the Open XML SDK: numbers as numbers and months as dates
/// (never as text), a bold frozen header row, column widths computed from the content, number formats by column,
/// and drop-down lists on columns of words. Rows are streamed, so a large plan is not held as a document tree.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Rows below the header that a drop-down list covers, so rows added to a template get it too.</summary>
    private const int ValidatedRows = 10_000;

    /// <summary>Excel's day 0 for dates after February 1900 (its serial numbers count days from here).</summary>
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    /// <summary>Writes <paramref name="workbook"/> to <paramref name="path"/>, replacing it atomically.</summary>
    public static void WriteFile(Workbook workbook, string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Write(workbook, stream);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes <paramref name="workbook"/> to <paramref name="stream"/> as an xlsx package.</summary>
    public static void Write(Workbook workbook, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new X.Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Stylesheet();
        var strings = new SharedStrings();
        var sheets = new X.Sheets();
        for (var i = 0; i < workbook.Sheets.Count; i++)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, workbook.Sheets[i], strings, selected: i == 0);
            sheets.Append(new X.Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = workbook.Sheets[i].Name });
        }
        workbookPart.Workbook.Append(sheets);
        var stringPart = workbookPart.AddNewPart<SharedStringTablePart>();
        stringPart.SharedStringTable = strings.Table();
    }

    private static void WriteSheet(WorksheetPart part, Sheet sheet, SharedStrings strings, bool selected)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new X.Worksheet());
        var pane = new X.Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = X.PaneValues.BottomLeft, State = X.PaneStateValues.Frozen };
        writer.WriteElement(new X.SheetViews(new X.SheetView(pane, new X.Selection { Pane = X.PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = selected,
            WorkbookViewId = 0,
        }));
        var columns = new X.Columns();
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            columns.Append(new X.Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Width(sheet, c), CustomWidth = true });
        }
        writer.WriteElement(columns);
        writer.WriteStartElement(new X.SheetData());
        WriteRow(writer, 1, [.. sheet.Columns.Select(c => (Cell.Of(c.Header), XlsxStyles.Header))], strings);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            WriteRow(writer, r + 2, [.. row.Select((cell, c) => (cell, XlsxStyles.Of(sheet.Columns[c].Format, cell.Kind)))], strings);
        }
        writer.WriteEndElement();
        var lists = sheet.Columns.Select((column, index) => (column, index)).Where(c => c.column.Choices is { Count: > 0 }).ToList();
        if (lists.Count > 0)
        {
            var validations = new X.DataValidations { Count = (uint)lists.Count };
            foreach (var (column, index) in lists)
            {
                var letter = Sheet.ColumnLetter(index);
                validations.Append(new X.DataValidation
                {
                    Type = X.DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = column.Name,
                    Error = "Expected one of: " + string.Join(", ", column.Choices!),
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{ValidatedRows + 1}" },
                    Formula1 = new X.Formula1("\"" + string.Join(",", column.Choices!) + "\""),
                });
            }
            writer.WriteElement(validations);
        }
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IReadOnlyList<(Cell Cell, uint Style)> cells, SharedStrings strings)
    {
        writer.WriteStartElement(new X.Row { RowIndex = (uint)number });
        for (var c = 0; c < cells.Count; c++)
        {
            var (cell, style) = cells[c];
            if (cell.Kind == CellKind.Empty)
            {
                continue;
            }
            var element = new X.Cell { CellReference = Sheet.ColumnLetter(c) + number.ToString(CultureInfo.InvariantCulture), StyleIndex = style };
            switch (cell.Kind)
            {
                case CellKind.Text:
                    element.DataType = X.CellValues.SharedString;
                    element.CellValue = new X.CellValue(strings.Index(cell.TextValue!).ToString(CultureInfo.InvariantCulture));
                    break;
                case CellKind.Number:
                    element.CellValue = new X.CellValue(cell.NumberValue.ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    element.CellValue = new X.CellValue(Serial(cell.DateValue).ToString(CultureInfo.InvariantCulture));
                    break;
            }
            writer.WriteElement(element);
        }
        writer.WriteEndElement();
    }

    /// <summary>The date serial number of <paramref name="date"/>: days since 1899-12-30.</summary>
    public static int Serial(DateOnly date) => date.DayNumber - SerialEpoch.DayNumber;

    /// <summary>The date of serial number <paramref name="serial"/>.</summary>
    public static DateOnly FromSerial(int serial) => SerialEpoch.AddDays(serial);

    /// <summary>
    /// A column's width in characters: its widest header or shown value, plus a margin, between 6 and 60. Computed
    /// from the text (no font metrics, so no native graphics library): digits and letters of the default font are
    /// close enough to one character wide.
    /// </summary>
    private static double Width(Sheet sheet, int column)
    {
        var format = sheet.Columns[column].Format;
        var widest = sheet.Columns[column].Header.Length + 2;
        foreach (var row in sheet.Rows)
        {
            widest = Math.Max(widest, Shown(row[column], format).Length);
        }
        return Math.Clamp(widest + 2, 6, 60);
    }

    /// <summary>Roughly the text a spreadsheet shows for <paramref name="cell"/> in a column of <paramref name="format"/>.</summary>
    private static string Shown(Cell cell, ColumnFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        return cell.Kind switch
        {
            CellKind.Number => format switch
            {
                ColumnFormat.WholeNumber => cell.NumberValue.ToString("#,##0", inv),
                ColumnFormat.Megawatts => cell.NumberValue.ToString("#,##0.0##", inv),
                ColumnFormat.Usd => "$" + cell.NumberValue.ToString("#,##0", inv),
                ColumnFormat.Fraction => cell.NumberValue.ToString("0.00%", inv),
                _ => cell.NumberValue.ToString("G11", inv),
            },
            _ => cell.ToInvariantText(),
        };
    }

    /// <summary>The shared string table, built as cells are written: each distinct text once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        public int Index(string text)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _texts.Count;
                _index.Add(text, index);
                _texts.Add(text);
            }
            return index;
        }

        public X.SharedStringTable Table()
        {
            var table = new X.SharedStringTable { Count = (uint)_texts.Count, UniqueCount = (uint)_texts.Count };
            foreach (var text in _texts)
            {
                // Leading or trailing spaces are kept only when the text says so.
                table.Append(new X.SharedStringItem(new X.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
            return table;
        }
    }
}
