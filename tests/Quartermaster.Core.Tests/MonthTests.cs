using Quartermaster.Core;

namespace Quartermaster.Core.Tests;

public class MonthTests
{
    [Theory]
    [InlineData("2026-06", 2026, 6)]
    [InlineData("0001-01", 1, 1)]
    [InlineData("9999-12", 9999, 12)]
    public void A_month_parses_from_year_dash_month(string text, int year, int month)
    {
        Assert.True(Month.TryParse(text, out var parsed));
        Assert.Equal(new Month(year, month), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("2026-6")]
    [InlineData("2026/06")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("26-06")]
    [InlineData(" 2026-06")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_yyyy_mm_is_not_a_month(string? text) => Assert.False(Month.TryParse(text, out _));

    [Fact]
    public void Months_add_and_subtract_across_years()
    {
        var november = new Month(2026, 11);
        Assert.Equal(new Month(2027, 2), november.Plus(3));
        Assert.Equal(15, new Month(2028, 2).MonthsSince(november));
        Assert.True(november < november.Plus(1));
    }
}
