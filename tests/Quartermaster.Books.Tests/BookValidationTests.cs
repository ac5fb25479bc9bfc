using Quartermaster.Core;

namespace Quartermaster.Books.Tests;

public class BookValidationTests
{
    private static BookError SingleError(string text)
    {
        var result = BookText.Read(text);
        Assert.Null(result.Book);
        return Assert.Single(result.Errors);
    }

    private static void AssertError(string text, int line, int column, string messagePart)
    {
        var error = SingleError(text);
        Assert.Equal("book.yaml", error.File);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void The_test_book_is_valid()
    {
        var result = BookText.Read(BookText.Valid);
        Assert.Empty(result.Errors);
        var book = Assert.IsType<Book>(result.Book);
        Assert.Equal(150, book.Contracts[0].CommittedMw(new Month(2026, 9)));
        Assert.Equal(0.6 * 200, book.Sites[0].ChipPoolMw("gb300", new Month(2026, 7)), 9);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_a_suggestion() =>
        AssertError(BookText.With("    halls: 4", "    hals: 4"), 7, 5, "unknown key 'hals' in site 'east-1' (did you mean 'halls'?)");

    [Fact]
    public void A_wrong_unit_names_the_expected_form() =>
        AssertError(BookText.With("100 MW", "100 kW"), 12, 16, "expected a power like '500 MW' or '2 GW', got the value '100 kW'");

    [Fact]
    public void A_price_without_its_rate_unit_is_rejected() =>
        AssertError(BookText.With("$300K/MW-month", "$300K"), 26, 12, "expected a price per MW-month");

    [Fact]
    public void A_duplicate_id_points_at_the_second_one() =>
        AssertError(BookText.With("  - id: lab-b", "  - id: lab-a\n  - id: lab-b"), 19, 9, "duplicate tenant id 'lab-a' (first at line 17)");

    [Fact]
    public void A_contract_naming_an_unknown_tenant_is_a_dangling_reference() =>
        AssertError(BookText.With("    tenant: lab-a", "    tenant: lab-c"), 23, 13, "names tenant 'lab-c', which is not in tenants (did you mean 'lab-a'?)");

    [Fact]
    public void A_tenant_naming_an_unknown_rivalry_group_is_a_dangling_reference() =>
        AssertError(BookText.With("    rivalry_group: frontier\n  - id: lab-b", "    rivalry_group: frontiers\n  - id: lab-b"), 18, 20, "rivalry group 'frontiers'");

    [Fact]
    public void An_investment_in_an_unknown_tenant_is_a_dangling_reference() =>
        AssertError(BookText.With("    tenant: lab-b", "    tenant: lab-z"), 35, 13, "investment 'stake-b' names tenant 'lab-z'");

    [Fact]
    public void Ramp_months_out_of_order_are_rejected() =>
        AssertError(BookText.With("      2026-01: 50 MW\n      2026-06: 150 MW", "      2026-06: 50 MW\n      2026-03: 150 MW"), 32, 7, "months must be in increasing order");

    [Fact]
    public void A_ramp_step_outside_the_term_is_rejected() =>
        AssertError(BookText.With("      2026-06: 150 MW", "      2028-06: 150 MW"), 32, 7, "2028-06 is outside the term 2026-01 to 2027-12");

    [Fact]
    public void A_negative_quantity_is_rejected() =>
        AssertError(BookText.With("    capex: $11M/MW", "    capex: -$11M/MW"), 8, 12, "must not be negative");

    [Fact]
    public void An_absurd_quantity_is_rejected() =>
        AssertError(BookText.With("200 MW", "200000 GW"), 13, 16, "implausibly large");

    [Fact]
    public void A_percentage_above_100_is_rejected() =>
        AssertError(BookText.With("take_or_pay: 80%", "take_or_pay: 180%"), 27, 18, "implausibly large");

    [Fact]
    public void A_contract_no_site_can_serve_is_rejected() =>
        AssertError(BookText.With("    regions: [us-east]", "    regions: [eu-west]"), 22, 9, "contract 'a-1' can never be served");

    [Fact]
    public void A_missing_required_key_is_reported_at_its_mapping() =>
        AssertError(BookText.With("    take_or_pay: 80%\n", ""), 22, 5, "missing key 'take_or_pay' in contract 'a-1'");

    [Fact]
    public void A_duplicate_yaml_key_is_rejected() =>
        AssertError(BookText.With("    halls: 4", "    halls: 4\n    halls: 5"), 8, 5, "duplicate key 'halls' (first at line 7)");

    [Fact]
    public void Chip_shares_must_add_up_to_100_percent() =>
        AssertError(BookText.With("trainium3: 40%", "trainium3: 30%"), 10, 12, "shares add up to 90%");

    [Fact]
    public void A_contract_ending_before_it_starts_is_rejected() =>
        AssertError(BookText.With("    end: 2027-12", "    end: 2025-12"), 25, 10, "ends (2025-12) before it starts (2026-01)");

    [Fact]
    public void A_month_in_the_wrong_form_is_rejected() =>
        AssertError(BookText.With("    start: 2026-01", "    start: 2026-1"), 24, 12, "expected a month like '2026-06'");

    [Fact]
    public void A_term_from_year_1_to_year_9999_is_refused_at_both_ends()
    {
        var result = BookText.Read(BookText.With("    start: 2026-01\n    end: 2027-12", "    start: 0001-01\n    end: 9999-12"));

        Assert.Null(result.Book);
        Assert.Equal([(24, 12), (25, 10)], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("starts in 0001-01, more than 50 years before the horizon starts (2026-01)", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("ends in 9999-12, more than 50 years after the horizon ends (2027-12)", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1976-01", "2077-12", true)]
    [InlineData("1975-12", "2077-12", false)]
    [InlineData("1976-01", "2078-01", false)]
    public void A_term_may_reach_exactly_50_years_beyond_the_horizon_and_no_further(string start, string end, bool valid)
    {
        var text = BookText.With("    start: 2026-01\n    end: 2027-12", $"    start: {start}\n    end: {end}");
        Assert.Equal(valid, BookText.Read(text).IsValid);
    }

    [Theory]
    [InlineData("book: tiny", "book: \"tiny\\n\"", 1, 7)]
    [InlineData("book: tiny", "book: \" tiny\"", 1, 7)]
    [InlineData("  - id: a-1", "  - id: \"a-1\\u0007\"", 22, 9)]
    [InlineData("  - id: east-1", "  - id: \"east-1\\t\"", 5, 9)]
    [InlineData("  - id: lab-a", "  - id: \"lab-a \"", 17, 9)]
    public void An_id_with_a_control_character_or_surrounding_whitespace_is_refused(string from, string to, int line, int column) =>
        AssertError(BookText.With(from, to), line, column, "expected " + Ids.Form);

    [Fact]
    public void Rivalry_shares_must_add_up_to_100_percent()
    {
        var text = BookText.With("  - id: lab-a\n    rivalry_group: frontier\n  - id: lab-b\n    rivalry_group: frontier",
            "  - id: lab-a\n    rivalry_group: frontier\n    risk: {initial_share: 60%}\n  - id: lab-b\n    rivalry_group: frontier\n    risk: {initial_share: 30%}");
        AssertError(text, 22, 11, "add up to 90%");
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_at_once()
    {
        var text = BookText.With("    halls: 4", "    hals: 4")
            .Replace("100 MW", "100 kW", StringComparison.Ordinal)
            .Replace("    tenant: lab-a", "    tenant: lab-c", StringComparison.Ordinal);
        var result = BookText.Read(text);
        Assert.Null(result.Book);
        Assert.Equal([7, 12, 23], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Yaml_aliases_are_refused_so_alias_bombs_cannot_expand()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n";
        var error = BookText.Read(bomb).Errors.First(e => e.Message.Contains("aliases", StringComparison.Ordinal));
        Assert.Equal((2, 8), (error.Line, error.Column));
    }

    [Fact]
    public void A_tab_in_indentation_is_a_yaml_error_with_its_position()
    {
        var error = SingleError(BookText.With("    halls: 4", "\thalls: 4"));
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
        // YamlDotNet reports the tab where the scalar before it ends: the end of line 6.
        Assert.Equal((6, 13), (error.Line, error.Column));
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"qm-bom-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, BookText.Valid, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            Assert.True(BookReader.ReadFile(path).IsValid);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("# only a comment\n", "the file is empty")]
    [InlineData("- a\n- b\n", "expected a mapping")]
    [InlineData("book: x\n---\nbook: y\n", "one YAML document")]
    [InlineData("book: [unclosed\n", "invalid YAML")]
    [InlineData("x: !!binary aGVsbG8=\n", "tags")]
    [InlineData("book: tiny\x00\x01\x02", "NUL")]
    public void Malformed_files_give_one_positioned_error(string text, string messagePart)
    {
        var result = BookText.Read(text);
        Assert.Null(result.Book);
        Assert.Contains(result.Errors, e => e.Message.Contains(messagePart, StringComparison.Ordinal) && e.Line >= 1 && e.Column >= 1);
    }

    [Fact]
    public void A_huge_number_is_rejected_not_overflowed() =>
        AssertError(BookText.With("100 MW", "1" + new string('0', 400) + " MW"), 12, 16, "expected a power");

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = "book: " + new string('[', 100) + new string(']', 100) + "\n";
        Assert.Contains(BookText.Read(deep).Errors, e => e.Message.Contains("nesting deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_does_not_exist_is_an_error_not_an_exception()
    {
        var result = BookReader.ReadFile("/nonexistent/book.yaml");
        Assert.Equal("/nonexistent/book.yaml:1:1: no such file", Assert.Single(result.Errors).ToString());
    }
}
