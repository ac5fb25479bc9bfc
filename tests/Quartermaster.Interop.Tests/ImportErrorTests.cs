using Quartermaster.Core;

namespace Quartermaster.Interop.Tests;

/// <summary>Mistakes in an imported workbook are reported all at once, each on its sheet and cell, saying what was expected.</summary>
public sealed class ImportErrorTests
{
    private static readonly Workbook Example = WorkbookExport.Of(Repository.ExampleBook());

    private static List<string> Errors(Workbook workbook)
    {
        var result = BookImport.Read(Repository.ThroughXlsx(workbook), "book.xlsx");
        Assert.False(result.IsValid);
        Assert.Null(result.Book);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    private static void AssertLines(string[] expected, List<string> actual) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    [Fact]
    public void Values_of_the_wrong_kind_are_all_named_by_their_cell()
    {
        var errors = Errors(Example
            .Set("contracts!E2", Cell.Of("320K"))
            .Set("contracts!C3", Cell.Of("July 2026"))
            .Set("ramps!C4", Cell.Of("2 GW"))
            .Set("contracts!I4", Cell.Of("dedicated"))
            .Set("tenants!G2", Cell.Of("year"))
            .Set("online!B2", Cell.Of(new DateOnly(2026, 1, 15).DayNumber - new DateOnly(1899, 12, 30).DayNumber))
            .Set("sites!C3", Cell.Of(2.5))
            .Set("contracts!B5", Cell.Of("open model lab")));
        AssertLines(
        [
            "sites!C3: expected a whole number from 1 to 10,000, got 2.5",
            "online!B2: expected a month: a date on the first of the month, got 2026-01-15",
            "tenants!G2: expected one of yr, month, got 'year'",
            "contracts!E2: expected a number in USD/MW-month (the unit is in the header), got '320K'",
            "contracts!C3: expected a month: a date on the first of the month, or text like 2026-06, got 'July 2026'",
            "contracts!I4: expected one of shared, dedicated-hall, got 'dedicated'",
            "contracts!B5: expected an id of letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit), got 'open model lab'",
            "ramps!C4: expected a number in MW (the unit is in the header), got '2 GW'",
        ], errors);
    }

    [Fact]
    public void The_books_own_checks_run_on_an_imported_book_and_point_at_the_cells()
    {
        var errors = Errors(Example
            .Set("contracts!B4", Cell.Of("enterprise-copilotz"))
            .Set("ramps!B3", Cell.Of(new Month(2035, 1)))
            .Set("chip_pools!C2", Cell.Of(0.5))
            .Set("investments!D2", Cell.Of(1.5))
            .Set("scenario!B5", Cell.Of(-0.2)));
        AssertLines(
        [
            "scenario!B5: 'discount_rate' in scenario: -20%/yr is out of range; expected between 0%/yr and 100%/yr (0%/month and 5.95%/month)",
            "chip_pools!C2: 'chips' in site 'ashburn': shares add up to 110%; they must add up to 100%",
            "contracts!B4: contract 'enterprise-gb300' names tenant 'enterprise-copilotz', which is not in tenants (did you mean 'enterprise-copilots'?)",
            "ramps!B3: 'ramp' in contract 'lab-a-2gw': 2035-01 is outside the term 2026-07 to 2034-06",
            "ramps!B4: 'ramp' in contract 'lab-a-2gw': months must be in increasing order; 2027-07 comes after 2035-01",
            "investments!D2: 'ownership' in investment 'stake-lab-b': 150% is implausibly large; expected at most 100%",
        ], errors);
    }

    [Fact]
    public void A_value_the_model_itself_refuses_is_an_error_on_its_cell()
    {
        // A negative MW or a take-or-pay above 100% cannot be held by the model at all, so it is reported while reading
        // the sheets, before the book's own checks run.
        var errors = Errors(Example.Set("ramps!C6", Cell.Of(-5.0)).Set("contracts!F2", Cell.Of(1.5)));
        AssertLines(
        [
            "contracts!F2: 1.5 must be a fraction from 0 to 1",
            "ramps!C6: -5 must be a finite number at least 0",
        ], errors);
    }

    [Fact]
    public void A_header_without_its_unit_an_unknown_column_and_a_missing_sheet_are_reported()
    {
        var workbook = Example.Header("contracts", 4, "price").Header("sites", 2, "hall count");
        workbook = new Workbook([.. workbook.Sheets.Where(s => s.Name != "book")]);
        var errors = Errors(workbook);
        Assert.Contains("no sheet 'book' (the book's id, provider and horizon); sheets found: scenario, sites, chip_pools, online, rivalry_groups, tenants, contracts, ramps, investments", errors);
        Assert.Contains("contracts!E1: unknown column 'price'; expected 'price (USD/MW-month)' (the unit is part of the header)", errors);
        Assert.Contains("contracts: no column 'price (USD/MW-month)' (row 1 holds the headers)", errors);
        Assert.Contains("sites!C1: unknown column 'hall count' (did you mean 'halls (count)'?)", errors);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Rows_that_name_no_site_or_contract_and_owners_without_rows_are_errors()
    {
        var book = Repository.ExampleBook();
        var errors = Errors(Example.Set("online!A2", Cell.Of("ashburm")).Set("ramps!A9", Cell.Of("enterprise-gb300x")).Set("ramps!A10", Cell.Of("enterprise-gb300x")));
        Assert.Contains("online!A2: no site 'ashburm' in sites (did you mean 'ashburn'?)", errors);
        Assert.Contains("ramps!A9: no contract 'enterprise-gb300x' in contracts (did you mean 'enterprise-gb300'?)", errors);
        Assert.Contains("contracts!A4: contract 'enterprise-gb300' has no rows in ramps: give its committed MW from its start", errors);
        Assert.Equal("enterprise-gb300", book.Contracts[2].Id);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_as_such()
    {
        using var stream = new MemoryStream("id,name\n"u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => XlsxReader.Read(stream));
        Assert.StartsWith("not an xlsx workbook", error.Message, StringComparison.Ordinal);
    }
}
