namespace Quartermaster.Books.Tests;

/// <summary>The one id rule that YAML, JSON bodies and URLs share.</summary>
public class IdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("neutral-cloud-2026")]
    [InlineData("gb300")]
    [InlineData("plan-3f9a0c12d4e5")]
    [InlineData("A.b_c-9")]
    public void Short_names_of_letters_digits_dots_underscores_and_dashes_are_ids(string id) => Assert.True(Ids.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData("book\n")]
    [InlineData("book\r\n")]
    [InlineData("\nbook")]
    [InlineData("bo\0ok")]
    [InlineData("bo\u0001ok")]
    [InlineData("bo\u007fok")]
    [InlineData(" book")]
    [InlineData("book ")]
    [InlineData("bo ok")]
    [InlineData("-book")]
    [InlineData("book/1")]
    [InlineData("bo%00ok")]
    [InlineData("böok")]
    [InlineData(null)]
    public void Control_characters_whitespace_and_other_symbols_are_not_ids(string? id) => Assert.False(Ids.IsValid(id));

    [Fact]
    public void An_id_is_at_most_64_characters()
    {
        Assert.True(Ids.IsValid(new string('a', Ids.MaxLength)));
        Assert.False(Ids.IsValid(new string('a', Ids.MaxLength + 1)));
    }

    [Fact]
    public void A_quoted_bad_id_shows_its_control_characters_and_is_cut_to_a_readable_length()
    {
        Assert.Equal("'nl-book2\\n'", Ids.Quote("nl-book2\n"));
        Assert.Equal("'a\\u0000b'", Ids.Quote("a\0b"));
        Assert.Equal("'" + new string('x', 80) + "' (cut; 5000 characters)", Ids.Quote(new string('x', 5000)));
    }
}
