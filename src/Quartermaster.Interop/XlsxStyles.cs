using DocumentFormat.OpenXml;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Quartermaster.Interop;

/// <summary>The cell styles of a written workbook: a bold shaded header, and one number format per <see cref="ColumnFormat"/>.</summary>
internal static class XlsxStyles
{
    // Indices into cellXfs, in the order Stylesheet() writes them.
    public const uint Default = 0;
    public const uint Header = 1;
    private const uint Integer = 2;
    private const uint Megawatts = 3;
    private const uint Usd = 4;
    private const uint Fraction = 5;
    private const uint Month = 6;
    private const uint Day = 7;
    private const uint Year = 8;

    // Custom number formats take ids from 164; lower ids are Excel's built-in formats (3 "#,##0", 10 "0.00%").
    private const uint MonthFormat = 164;
    private const uint DayFormat = 165;
    private const uint YearFormat = 166;
    private const uint MegawattsFormat = 167;
    private const uint UsdFormat = 168;

    /// <summary>The style of a value of <paramref name="kind"/> in a column of <paramref name="format"/>.</summary>
    public static uint Of(ColumnFormat format, CellKind kind) => kind switch
    {
        CellKind.Month => Month,
        CellKind.Day => Day,
        CellKind.Year => Year,
        CellKind.Number => format switch
        {
            ColumnFormat.WholeNumber => Integer,
            ColumnFormat.Megawatts => Megawatts,
            ColumnFormat.Usd => Usd,
            ColumnFormat.Fraction => Fraction,
            _ => Default,
        },
        _ => Default,
    };

    public static X.Stylesheet Stylesheet()
    {
        var formats = new X.NumberingFormats(
            new X.NumberingFormat { NumberFormatId = MonthFormat, FormatCode = "yyyy-mm" },
            new X.NumberingFormat { NumberFormatId = DayFormat, FormatCode = "yyyy-mm-dd" },
            new X.NumberingFormat { NumberFormatId = YearFormat, FormatCode = "yyyy" },
            new X.NumberingFormat { NumberFormatId = MegawattsFormat, FormatCode = "#,##0.0##" },
            new X.NumberingFormat { NumberFormatId = UsdFormat, FormatCode = "\"$\"#,##0" })
        { Count = 5 };
        var fonts = new X.Fonts(
            new X.Font(new X.FontSize { Val = 11 }, new X.FontName { Val = "Calibri" }),
            new X.Font(new X.Bold(), new X.FontSize { Val = 11 }, new X.FontName { Val = "Calibri" }))
        { Count = 2 };
        var fills = new X.Fills(
            new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }),
            new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 }),
            new X.Fill(new X.PatternFill(new X.ForegroundColor { Rgb = HexBinaryValue.FromString("FFDDE4EE") }) { PatternType = X.PatternValues.Solid }))
        { Count = 3 };
        var borders = new X.Borders(new X.Border()) { Count = 1 };
        var styleFormats = new X.CellStyleFormats(new X.CellFormat()) { Count = 1 };
        var cellFormats = new X.CellFormats(
            new X.CellFormat(),
            new X.CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            Numbered(3),
            Numbered(MegawattsFormat),
            Numbered(UsdFormat),
            Numbered(10),
            Numbered(MonthFormat),
            Numbered(DayFormat),
            Numbered(YearFormat))
        { Count = 9 };
        return new X.Stylesheet(formats, fonts, fills, borders, styleFormats, cellFormats);

        static X.CellFormat Numbered(uint id) => new() { NumberFormatId = id, ApplyNumberFormat = true };
    }
}
