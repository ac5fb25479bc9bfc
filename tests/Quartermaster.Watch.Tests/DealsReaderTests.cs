namespace Quartermaster.Watch.Tests;

public class DealsReaderTests
{
    private static IReadOnlyList<Quartermaster.Books.BookError> Errors(params string[] rows) =>
        DealsReader.ReadText(SampleDeals.Header + "\n" + string.Join("\n", rows) + "\n", "bad.csv").Errors;

    private const string Good = "x1,2025-09-22,Acme,LabA,compute-supply,1,,,100,,,,https://example.com/x,,announced";

    private static (int Line, int Column, string Message) Single(params string[] rows)
    {
        var error = Assert.Single(Errors(rows));
        Assert.Equal("bad.csv", error.File);
        return (error.Line, error.Column, error.Message);
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_doubled_quotes_and_line_breaks()
    {
        var deals = SampleDeals.Read();
        Assert.Equal(7, deals.Count);
        Assert.Equal("P1 and LabA, a deal", deals[0].SourceTitle);
        Assert.Equal("stake, \"up to\" 4B", deals[2].Notes);

        var multiLine = DealsReader.ReadText(SampleDeals.Header + "\r\nx1,2025,A,B,equity,,,,5,,,\"two\r\nlines\",https://e.org/,,rumoured\r\n" + Good.Replace("x1", "x2", StringComparison.Ordinal) + "\r\n", "m.csv");
        Assert.Empty(multiLine.Errors);
        Assert.Equal("two\nlines", multiLine.Deals[0].Notes);
        Assert.Equal(4, multiLine.Deals[1].Line);
    }

    [Fact]
    public void Every_figure_is_read_in_its_unit_and_unstated_figures_stay_null()
    {
        var deals = SampleDeals.Read();
        var d5 = deals[4];
        Assert.Equal((3.0, 500000L, "X1", "exclusive"), (d5.PowerGw!.Value, d5.ChipCount!.Value, d5.ChipType, d5.Exclusivity));
        Assert.Null(d5.AmountUsd);
        Assert.Equal(1e10, deals[0].AmountUsd);
        Assert.Equal(5, deals[0].TermYears);
        Assert.Equal((DealKind.Equity, DealConfidence.Rumoured), (deals[5].Kind, deals[5].Confidence));
        Assert.Null(deals[5].Announced);
    }

    [Theory]
    [InlineData("2025-09-22", 2025, 9, DatePrecision.Day, "2025-09")]
    [InlineData("2025-09", 2025, 9, DatePrecision.Month, "2025-09")]
    [InlineData("2026", 2026, 12, DatePrecision.Year, "2026-12")]
    public void Dates_keep_their_precision_and_a_year_is_placed_in_its_last_month(string text, int year, int month, DatePrecision precision, string placed)
    {
        Assert.True(AnnouncedDate.TryParse(text, out var date));
        Assert.Equal((year, month, precision), (date.Year, date.MonthOfYear, date.Precision));
        Assert.Equal(placed, date.TimelineMonth.ToString());
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13")]
    [InlineData("25-09-22")]
    [InlineData("2025/09/22")]
    [InlineData("Sept 2025")]
    [InlineData("2025-9")]
    public void A_malformed_date_is_an_error_at_its_field(string date)
    {
        var (line, column, message) = Single(Good.Replace("2025-09-22", date, StringComparison.Ordinal));
        Assert.Equal((2, 4), (line, column));
        Assert.Contains("is not a date", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_is_an_error_with_a_suggestion()
    {
        var (line, column, message) = Single(Good.Replace("compute-supply", "compute-suply", StringComparison.Ordinal));
        Assert.Equal((2, 25), (line, column));
        Assert.Contains("did you mean 'compute-supply'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_confidence_is_an_error()
    {
        var (line, column, message) = Single(Good.Replace("announced", "confirmed", StringComparison.Ordinal));
        Assert.Equal((2, 74), (line, column));
        Assert.Contains("expected one of announced, reported, rumoured", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", "must not be negative")]
    [InlineData("1 GW", "is not a plain number; power_gw is in GW")]
    [InlineData("lots", "is not a plain number")]
    [InlineData("1e3", "is not a plain number")]
    [InlineData("250", "implausibly large")]
    public void A_power_that_is_negative_has_a_unit_or_is_not_a_number_is_an_error(string power, string expected)
    {
        var (line, column, message) = Single(Good.Replace(",1,", "," + power + ",", StringComparison.Ordinal));
        Assert.Equal((2, 40), (line, column));
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$25B", "is not a plain number; amount_usd is in US dollars")]
    [InlineData("-100", "must not be negative")]
    [InlineData("1,000", "fields but the header has")]
    public void An_amount_with_a_currency_sign_a_minus_or_a_separator_is_an_error(string amount, string expected)
    {
        var (line, _, message) = Single(Good.Replace(",100,", "," + amount + ",", StringComparison.Ordinal));
        Assert.Equal(2, line);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_an_error_naming_the_first_line()
    {
        var (line, column, message) = Single(Good, Good.Replace("2025-09-22", "2025-10", StringComparison.Ordinal));
        Assert.Equal((3, 1), (line, column));
        Assert.Equal("duplicate id 'x1' (first at line 2)", message);
    }

    [Fact]
    public void A_missing_source_url_is_an_error()
    {
        var (line, column, message) = Single(Good.Replace("https://example.com/x", "", StringComparison.Ordinal));
        Assert.Equal((2, 51), (line, column));
        Assert.StartsWith("missing source_url", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.com/x")]
    [InlineData("example.com/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:///nohost")]
    public void A_source_that_is_not_an_http_address_is_an_error(string url)
    {
        var (line, column, message) = Single(Good.Replace("https://example.com/x", url, StringComparison.Ordinal));
        Assert.Equal((2, 51), (line, column));
        Assert.Contains("is not an http(s) address", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_equity_deal_with_gigawatts_is_an_error()
    {
        var (_, column, message) = Single(Good.Replace("compute-supply", "equity", StringComparison.Ordinal));
        Assert.Equal(32, column);
        Assert.StartsWith("an equity deal carries dollars, not GW", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_provider_and_a_bad_id_are_both_reported()
    {
        var errors = Errors(Good.Replace("x1,", "-x,", StringComparison.Ordinal).Replace("Acme", "", StringComparison.Ordinal));
        Assert.Equal([(2, 1), (2, 15)], errors.Select(e => (e.Line, e.Column)));
        Assert.StartsWith("missing provider", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_quoting_is_reported_where_it_happens()
    {
        var stray = Assert.Single(Errors(Good.Replace("Acme", "Ac\"me", StringComparison.Ordinal)));
        Assert.Equal((2, 17), (stray.Line, stray.Column));
        var unclosed = Errors(Good.Replace(",,,,https", ",,,\"never closed,https", StringComparison.Ordinal));
        Assert.Contains(unclosed, e => e.Line == 2 && e.Column == 50 && e.Message.Contains("never closed", StringComparison.Ordinal));
        var after = Assert.Single(Errors(Good.Replace("Acme", "\"Acme\"x", StringComparison.Ordinal)));
        Assert.Equal((2, 21), (after.Line, after.Column));
    }

    [Fact]
    public void The_header_must_name_every_column_once_and_nothing_else()
    {
        var text = SampleDeals.Header.Replace("power_gw", "powr_gw", StringComparison.Ordinal) + ",extra\n";
        var errors = DealsReader.ReadText(text, "h.csv").Errors;
        Assert.Equal([(1, 1), (1, 41), (1, 145)], errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("missing column 'power_gw'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("unknown column 'powr_gw' (did you mean 'power_gw'?)", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_or_a_missing_file_is_one_error()
    {
        Assert.Single(DealsReader.ReadText("", "e.csv").Errors);
        var missing = Assert.Single(DealsReader.ReadFile("/nonexistent/deals.csv").Errors);
        Assert.Equal("no such file", missing.Message);
    }
}
