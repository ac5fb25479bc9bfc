using CsCheck;
using Quartermaster.Core;

namespace Quartermaster.Books.Tests;

/// <summary>The stress settings of a book (v2): read, range-checked per period with file:line:col, written back exactly.</summary>
public class StressSettingsTests
{
    private const string Scenario = "scenario:\n  seed: 3\n";

    private static BookReadResult WithScenario(string lines) => BookText.Read(BookText.With("sites:", Scenario + lines + "sites:"));

    private static void AssertError(BookReadResult result, int line, int column, string messagePart)
    {
        Assert.Null(result.Book);
        var error = Assert.Single(result.Errors);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void A_monthly_growth_of_500_percent_is_refused_where_it_is_written() =>
        AssertError(WithScenario("  boom: {growth: 500%/month, volatility: 25%/yr}\n"), 6, 18,
            "'growth' in scenario boom: 500%/month (6000%/yr) is out of range; expected between -16.67%/month and 25%/month (-200%/yr and 300%/yr)");

    [Fact]
    public void The_same_growth_stated_per_year_is_refused_too() =>
        AssertError(WithScenario("  boom: {growth: 6000%/yr}\n"), 6, 18, "expected between -200%/yr and 300%/yr");

    [Fact]
    public void A_monthly_growth_at_the_edge_is_accepted_and_kept_per_month()
    {
        var book = WithScenario("  boom: {growth: 25%/month}\n").Book!;
        Assert.Equal(Rate.PerMonth(0.25), book.Scenario.Boom.Growth);
    }

    [Theory]
    [InlineData("  cooling: {volatility: 90%/month}\n", 6, 25, "(311.77%/yr) is out of range")]
    [InlineData("  discount_rate: 6%/month\n", 6, 18, "6%/month (101.22%/yr) is out of range; expected between 0%/month and 5.95%/month")]
    [InlineData("  boom_to_cooling: 120%/yr\n", 6, 20, "expected between 0% and 100% per period")]
    [InlineData("  sector_ceiling: 0.5\n", 6, 19, "0.5 must not be below 1")]
    [InlineData("  either_way_max_loss_probability: 120%\n", 6, 36, "implausibly large")]
    [InlineData("  it_purchase: on-demand\n", 6, 16, "expected one of with-capacity, with-contracts")]
    public void Scenario_settings_out_of_range_are_refused_with_their_position(string lines, int line, int column, string messagePart) =>
        AssertError(WithScenario(lines), line, column, messagePart);

    [Fact]
    public void The_new_scenario_settings_are_read()
    {
        var book = WithScenario("  sector_ceiling: 4.5\n  either_way_max_loss_probability: 5%\n  it_purchase: with-contracts\n").Book!;
        Assert.Equal(ItPurchase.WithContracts, book.Scenario.ItPurchase);
        Assert.Equal(4.5, book.Scenario.SectorCeiling);
        Assert.Equal(0.05, book.Scenario.EitherWayMaxLossProbability);
        var plain = BookText.Read(BookText.Valid).Book!;
        Assert.Null(plain.Scenario.SectorCeiling);
        Assert.Equal(ItPurchase.WithCapacity, plain.Scenario.ItPurchase);
        Assert.Equal(0.10, plain.Scenario.EitherWayMaxLossProbability);
    }

    [Fact]
    public void Site_it_capex_and_refresh_are_read_with_their_defaults()
    {
        var plain = BookText.Read(BookText.Valid).Book!.Sites[0];
        Assert.Equal((0.0, 5.0, 60), (plain.ItCapexPerMwUsd, plain.ItRefreshYears, plain.ItRefreshMonths));
        var site = BookText.Read(BookText.With("    capex: $11M/MW", "    capex: $11M/MW\n    it_capex: $20M/MW\n    refresh_years: 4.5")).Book!.Sites[0];
        Assert.Equal((20e6, 4.5, 54), (site.ItCapexPerMwUsd, site.ItRefreshYears, site.ItRefreshMonths));
    }

    [Fact]
    public void A_site_facility_life_defaults_to_20_years_and_can_be_set()
    {
        var plain = BookText.Read(BookText.Valid).Book!.Sites[0];
        Assert.Equal((20.0, 240), (plain.FacilityLifeYears, plain.FacilityLifeMonths));
        var site = BookText.Read(BookText.With("    capex: $11M/MW", "    capex: $11M/MW\n    facility_life_years: 12.5")).Book!.Sites[0];
        Assert.Equal((12.5, 150), (site.FacilityLifeYears, site.FacilityLifeMonths));
    }

    [Theory]
    [InlineData("    it_capex: $20M", 9, 15, "expected a cost per MW")]
    [InlineData("    refresh_years: 0", 9, 20, "0 must not be below 1")]
    [InlineData("    facility_life_years: 0.5", 9, 26, "0.5 must not be below 1")]
    [InlineData("    facility_life_years: 61", 9, 26, "61 is implausibly large; expected at most 60")]
    public void Site_it_settings_out_of_form_or_range_are_refused(string line, int row, int column, string messagePart) =>
        AssertError(BookText.Read(BookText.With("    capex: $11M/MW", "    capex: $11M/MW\n" + line)), row, column, messagePart);

    [Fact]
    public void A_valuation_cap_below_the_valuation_is_refused() =>
        AssertError(BookText.Read(BookText.Valid + "\n    valuation_cap: $10B"), 39, 20, "the cap, $10B, is below the valuation, $20B");

    [Fact]
    public void A_valuation_cap_defaults_to_5_trillion_dollars_and_can_be_set()
    {
        Assert.Equal(5e12, BookText.Read(BookText.Valid).Book!.Investments[0].ValuationCapUsd);
        Assert.Equal(300e9, BookText.Read(BookText.Valid + "\n    valuation_cap: $300B").Book!.Investments[0].ValuationCapUsd);
    }

    [Fact]
    public void A_tiny_non_zero_initial_share_is_refused_but_0_percent_is_accepted()
    {
        const string from = "  - id: lab-a\n    rivalry_group: frontier\n  - id: lab-b\n    rivalry_group: frontier";
        var tiny = BookText.With(from, "  - id: lab-a\n    rivalry_group: frontier\n    risk: {initial_share: 0.001%}\n  - id: lab-b\n    rivalry_group: frontier\n    risk: {initial_share: 99.999%}");
        AssertError(BookText.Read(tiny), 19, 27, "below the smallest share the model takes, 0.01%");
        var zero = BookText.With(from, "  - id: lab-a\n    rivalry_group: frontier\n    risk: {initial_share: 0%}\n  - id: lab-b\n    rivalry_group: frontier\n    risk: {initial_share: 100%}");
        Assert.Equal(0, BookText.Read(zero).Book!.Tenants[0].Risk.InitialShareFraction);
    }

    [Fact]
    public void Every_new_setting_survives_a_round_trip()
    {
        var book = BookText.Read(BookText.Valid).Book!;
        var changed = book with
        {
            Scenario = book.Scenario with { SectorCeiling = 3.75, EitherWayMaxLossProbability = 0.025, ItPurchase = ItPurchase.WithContracts },
            Sites = book.Sites.Select(s => s with { ItCapexPerMwUsd = 18.5e6, ItRefreshYears = 4, FacilityLifeYears = 25 }).ToValueList(),
            Investments = book.Investments.Select(i => i with { ValuationCapUsd = 2.5e12, Date = new Month(2026, 4) }).ToValueList(),
        };
        var text = BookWriter.Write(changed);
        Assert.Contains("sector_ceiling: 3.75", text, StringComparison.Ordinal);
        Assert.Contains("either_way_max_loss_probability: 2.5%", text, StringComparison.Ordinal);
        Assert.Contains("it_purchase: with-contracts", text, StringComparison.Ordinal);
        Assert.Contains("it_capex: $18.5M/MW", text, StringComparison.Ordinal);
        Assert.Contains("refresh_years: 4", text, StringComparison.Ordinal);
        Assert.Contains("facility_life_years: 25", text, StringComparison.Ordinal);
        Assert.Contains("valuation_cap: $2.5T", text, StringComparison.Ordinal);
        var again = BookReader.ReadText(text, "written.yaml");
        Assert.Empty(again.Errors);
        Assert.Equal(changed, again.Book);
        Assert.DoesNotContain("valuation_cap", BookWriter.Write(book), StringComparison.Ordinal); // defaults are left out
    }

    [Fact]
    public void Generated_books_with_random_stress_settings_validate_and_read_back_equal()
    {
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 9], Gen.Int[1, 15], Gen.Int[1, 60], Gen.ULong)
            .Sample((sites, tenants, contracts, months, seed) =>
            {
                var book = SyntheticBooks.Generate(new SyntheticBookOptions(sites, tenants, contracts, months, seed, RandomStressSettings: true));
                var again = BookReader.ReadText(BookWriter.Write(book), "generated.yaml");
                Assert.Empty(again.Errors);
                Assert.Equal(book, again.Book);
            }, iter: 300);
    }
}
