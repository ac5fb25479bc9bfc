using DocumentFormat.OpenXml.Packaging;
using Quartermaster.Core;
using Quartermaster.Watch;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Quartermaster.Interop.Tests;

/// <summary>
/// The exported workbook of the example, opened as a spreadsheet program would: numbers are numbers, months are date
/// serials shown as yyyy-mm, units in the headers, a frozen header row, widths from the content and drop-down lists.
/// </summary>
public sealed class ExportCellTests : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly SpreadsheetDocument _document;

    public ExportCellTests()
    {
        var book = Repository.ExampleBook();
        var plan = new Planning.FlowPlanner().Allocate(book, book.Scenario.Policy);
        var deals = DealsReader.ReadFile(Path.Combine(Repository.Root, "data", "deals.csv")).Deals;
        XlsxWriter.Write(WorkbookExport.Of(book, plan, deals: deals), _stream);
        _stream.Position = 0;
        _document = SpreadsheetDocument.Open(_stream, isEditable: false);
    }

    private X.Worksheet Worksheet(string name)
    {
        var workbook = _document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<X.Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private X.Cell CellAt(string sheet, string reference) =>
        Worksheet(sheet).Descendants<X.Cell>().Single(c => c.CellReference == reference);

    private string FormatOf(X.Cell cell)
    {
        var styles = _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<X.CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return styles.NumberingFormats?.Elements<X.NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? id switch { 0 => "General", 3 => "#,##0", 10 => "0.00%", _ => "builtin " + id };
    }

    private string TextOf(X.Cell cell)
    {
        Assert.Equal(X.CellValues.SharedString, cell.DataType?.Value);
        return _document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<X.SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
    }

    [Fact]
    public void Sheets_come_in_the_order_book_then_plan_then_deals()
    {
        var names = _document.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["book", "scenario", "sites", "chip_pools", "online", "rivalry_groups", "tenants", "contracts", "ramps", "investments",
            "allocations", "fill", "fill_by_month", "idle", "shortfalls", "deals"], names);
    }

    [Fact]
    public void A_contract_row_holds_numbers_and_dates_with_units_in_the_headers()
    {
        Assert.Equal("price (USD/MW-month)", TextOf(CellAt("contracts", "E1")));
        Assert.Equal("take or pay (fraction)", TextOf(CellAt("contracts", "F1")));
        Assert.Equal("lab-a-2gw", TextOf(CellAt("contracts", "A2")));

        // 2026-07-01 is day 46204 counted from 1899-12-30 (2026-01-01 is 46023, plus 181 days to July).
        var start = CellAt("contracts", "C2");
        Assert.Null(start.DataType);
        Assert.Equal("46204", start.CellValue!.Text);
        Assert.Equal("yyyy-mm", FormatOf(start));

        var price = CellAt("contracts", "E2");
        Assert.Null(price.DataType);
        Assert.Equal("575000", price.CellValue!.Text);
        Assert.Equal("\"$\"#,##0", FormatOf(price));

        var takeOrPay = CellAt("contracts", "F2");
        Assert.Equal("0.8", takeOrPay.CellValue!.Text);
        Assert.Equal("0.00%", FormatOf(takeOrPay));
    }

    [Fact]
    public void Ramps_and_fill_are_megawatts_and_fractions()
    {
        Assert.Equal("committed (MW)", TextOf(CellAt("ramps", "C1")));
        var first = CellAt("ramps", "C2");
        Assert.Equal("500", first.CellValue!.Text);
        Assert.Equal("#,##0.0##", FormatOf(first));
        Assert.Equal("fill ratio (fraction)", TextOf(CellAt("fill", "F1")));
        Assert.Equal("0.00%", FormatOf(CellAt("fill", "F2")));
    }

    [Fact]
    public void Every_sheet_freezes_its_bold_header_row()
    {
        foreach (var name in new[] { "book", "contracts", "allocations", "deals" })
        {
            var pane = Worksheet(name).Descendants<X.Pane>().Single();
            Assert.Equal(X.PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1.0, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            var header = CellAt(name, "A1");
            var styles = _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
            var font = styles.Fonts!.Elements<X.Font>().ElementAt((int)styles.CellFormats!.Elements<X.CellFormat>().ElementAt((int)header.StyleIndex!.Value).FontId!.Value);
            Assert.NotNull(font.Bold);
        }
    }

    [Fact]
    public void Column_widths_follow_the_longest_value_and_are_capped()
    {
        var widths = Worksheet("contracts").Descendants<X.Column>().Select(c => c.Width!.Value).ToList();
        // Column A: the longest id is "open-model-mixed" (16 characters) plus a margin of 2.
        Assert.Equal(18, widths[0]);
        // Column H, regions: "us-east, us-central, us-south, us-west" is 38 characters.
        Assert.Equal(40, widths[7]);
        Assert.All(Worksheet("deals").Descendants<X.Column>(), c => Assert.InRange(c.Width!.Value, 6, 60));
    }

    [Fact]
    public void Columns_of_words_offer_a_drop_down_list()
    {
        var validation = Worksheet("contracts").Descendants<X.DataValidation>().Single();
        Assert.Equal(X.DataValidationValues.List, validation.Type!.Value);
        Assert.Equal("I2:I10001", validation.SequenceOfReferences!.InnerText);
        Assert.Equal("\"shared,dedicated-hall\"", validation.Formula1!.Text);
    }

    [Fact]
    public void Deals_are_dated_at_the_precision_of_their_source()
    {
        // coreweave-openai-11.9b was announced in 2025-03 (a month), oracle-openai-stargate-4.5gw on 2025-07-22 (a day).
        Assert.Equal("coreweave-openai-11.9b", TextOf(CellAt("deals", "A2")));
        Assert.Equal("yyyy-mm", FormatOf(CellAt("deals", "B2")));
        Assert.Equal((new DateOnly(2025, 3, 1).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(), CellAt("deals", "B2").CellValue!.Text);
        Assert.Equal("oracle-openai-stargate-4.5gw", TextOf(CellAt("deals", "A4")));
        Assert.Equal("yyyy-mm-dd", FormatOf(CellAt("deals", "B4")));
        Assert.Equal("11900000000", CellAt("deals", "I2").CellValue!.Text);
        Assert.Equal("4.5", CellAt("deals", "F4").CellValue!.Text);
    }

    [Fact]
    public void No_number_anywhere_is_stored_as_text()
    {
        var strings = _document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<X.SharedStringItem>().Select(i => i.InnerText).ToList();
        foreach (var name in new[] { "sites", "online", "ramps", "allocations", "fill", "idle" })
        {
            foreach (var cell in Worksheet(name).Descendants<X.Cell>().Where(c => c.DataType?.Value == X.CellValues.SharedString))
            {
                Assert.False(double.TryParse(strings[int.Parse(cell.CellValue!.Text)], System.Globalization.CultureInfo.InvariantCulture, out _),
                    $"{name}!{cell.CellReference} holds a number as text");
            }
        }
    }

    [Fact]
    public void The_export_and_the_template_are_valid_office_open_xml()
    {
        var validator = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019);
        Assert.Empty(validator.Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        using var template = new MemoryStream();
        XlsxWriter.Write(WorkbookExport.Template(), template);
        template.Position = 0;
        using var document = SpreadsheetDocument.Open(template, isEditable: false);
        Assert.Empty(validator.Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
