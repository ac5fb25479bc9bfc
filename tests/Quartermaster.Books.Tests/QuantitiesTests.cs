using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Books.Tests;

public class QuantitiesTests
{
    [Theory]
    [InlineData("500 MW", 500)]
    [InlineData("500MW", 500)]
    [InlineData("2 GW", 2000)]
    [InlineData("1.2 GW", 1200)]
    [InlineData("0 MW", 0)]
    [InlineData("-5 MW", -5)]
    public void Power_is_read_in_megawatts(string text, double mw)
    {
        Assert.True(Quantities.TryParsePower(text, out var value));
        Assert.Equal(mw, value);
    }

    [Theory]
    [InlineData("500 kW")]
    [InlineData("500 mw")]
    [InlineData("500")]
    [InlineData("2 G W")]
    [InlineData("500  MW")]
    [InlineData("MW")]
    [InlineData("1e400 MW")]
    [InlineData("five MW")]
    [InlineData("")]
    public void Power_with_a_wrong_or_missing_unit_is_rejected(string text) =>
        Assert.False(Quantities.TryParsePower(text, out _));

    [Theory]
    [InlineData("$25B", "", 25e9)]
    [InlineData("$1.2M", "", 1.2e6)]
    [InlineData("$800K", "", 800e3)]
    [InlineData("$2T", "", 2e12)]
    [InlineData("$1500", "", 1500)]
    [InlineData("$3.1M/MW", "/MW", 3.1e6)]
    [InlineData("$45K/MW-month", "/MW-month", 45e3)]
    [InlineData("-$2M", "", -2e6)]
    public void Money_is_read_in_dollars(string text, string per, double usd)
    {
        Assert.True(Quantities.TryParseMoney(text, per, out var value));
        Assert.Equal(usd, value);
    }

    [Theory]
    [InlineData("25B", "")]
    [InlineData("$25b", "")]
    [InlineData("$25 B", "")]
    [InlineData("€25B", "")]
    [InlineData("$3.1M/MW", "")]
    [InlineData("$3.1M", "/MW")]
    [InlineData("$45K/MW-month", "/MW")]
    [InlineData("$45K/MWh", "/MW-month")]
    public void Money_in_the_wrong_form_or_rate_unit_is_rejected(string text, string per) =>
        Assert.False(Quantities.TryParseMoney(text, per, out _));

    [Theory]
    [InlineData("12%", 0.12)]
    [InlineData("100%", 1.0)]
    [InlineData("0.5%", 0.005)]
    public void Percentages_are_read_as_fractions(string text, double fraction)
    {
        Assert.True(Quantities.TryParsePercent(text, out var value));
        Assert.Equal(fraction, value);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12 %")]
    [InlineData("0.12")]
    [InlineData("8%/yr")]
    public void A_percentage_must_be_a_bare_percentage(string text) => Assert.False(Quantities.TryParsePercent(text, out _));

    [Theory]
    [InlineData("8%/yr", 0.08, RatePeriod.Year)]
    [InlineData("0.5%/month", 0.005, RatePeriod.Month)]
    [InlineData("-15%/yr", -0.15, RatePeriod.Year)]
    public void Rates_keep_their_period(string text, double fraction, RatePeriod period)
    {
        Assert.True(Quantities.TryParseRate(text, out var rate));
        Assert.Equal(new Rate(fraction, period), rate);
    }

    [Theory]
    [InlineData("8%")]
    [InlineData("8%/week")]
    [InlineData("8%/year")]
    [InlineData("8/yr")]
    public void Rates_need_a_known_period(string text) => Assert.False(Quantities.TryParseRate(text, out _));

    [Theory]
    [InlineData(2000, "2 GW")]
    [InlineData(1200, "1.2 GW")]
    [InlineData(500, "500 MW")]
    [InlineData(242.5, "242.5 MW")]
    public void Power_is_written_in_the_largest_exact_unit(double mw, string text) => Assert.Equal(text, Quantities.FormatPower(mw));

    [Theory]
    [InlineData(25e9, "", "$25B")]
    [InlineData(1.2e6, "", "$1.2M")]
    [InlineData(45e3, "/MW-month", "$45K/MW-month")]
    [InlineData(1234.5, "", "$1.2345K")]
    public void Money_is_written_in_the_largest_exact_unit(double usd, string per, string text) =>
        Assert.Equal(text, Quantities.FormatMoney(usd, per));

    [Theory]
    [InlineData("7%")]
    [InlineData("0.1%")]
    [InlineData("33.3%")]
    [InlineData("12.345%")]
    [InlineData("57%")]
    public void A_parsed_percentage_is_written_back_to_the_same_text(string text)
    {
        Assert.True(Quantities.TryParsePercent(text, out var fraction));
        Assert.Equal(text, Quantities.FormatPercent(fraction));
    }

    [Fact]
    public void Every_percentage_with_two_decimals_round_trips_exactly()
    {
        for (var hundredths = 0; hundredths <= 10_000; hundredths++)
        {
            var text = (hundredths / 100.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
            Assert.True(Quantities.TryParsePercent(text, out var fraction));
            Assert.True(Quantities.TryParsePercent(Quantities.FormatPercent(fraction), out var again));
            Assert.Equal(fraction, again);
        }
    }

    [Theory]
    [InlineData(1.0115e12, "$1.01T")]
    [InlineData(58.24e9, "$58.2B")]
    [InlineData(-58.24e9, "-$58.2B")]
    [InlineData(194.17e9, "$194B")]
    [InlineData(3.6e6, "$3.6M")]
    [InlineData(0, "$0")]
    [InlineData(950, "$950")]
    public void Money_for_people_is_rounded_to_three_significant_figures(double usd, string text) =>
        Assert.Equal(text, Quantities.FormatMoneyRounded(usd));
}
