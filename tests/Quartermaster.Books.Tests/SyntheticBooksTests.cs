using Quartermaster.Core;

namespace Quartermaster.Books.Tests;

public class SyntheticBooksTests
{
    [Fact]
    public void The_same_options_and_seed_give_the_same_book()
    {
        var options = new SyntheticBookOptions(30, 8, 25, 48, Seed: 42);
        Assert.Equal(BookWriter.Write(SyntheticBooks.Generate(options)), BookWriter.Write(SyntheticBooks.Generate(options)));
        Assert.NotEqual(SyntheticBooks.Generate(options), SyntheticBooks.Generate(options with { Seed = 43 }));
    }

    [Theory]
    [InlineData(1.3)]
    [InlineData(0.8)]
    [InlineData(2.0)]
    public void Commitments_are_scaled_to_the_requested_shortage(double shortage)
    {
        var book = SyntheticBooks.Generate(new SyntheticBookOptions(40, 10, 60, 60, 7, shortage));
        var months = book.Horizon.Months().ToList();
        var ratio = months.Sum(book.CommittedMw) / months.Sum(book.OnlineMw);
        Assert.InRange(ratio, shortage * 0.99, shortage * 1.01);
    }

    [Fact]
    public void A_large_generated_book_is_valid_and_has_the_requested_size()
    {
        var book = SyntheticBooks.Generate(new SyntheticBookOptions(500, 50, 200, 120, 1));
        var read = BookReader.ReadText(BookWriter.Write(book), "large.yaml");
        Assert.Empty(read.Errors);
        Assert.Equal((500, 50, 200, 120), (book.Sites.Count, book.Tenants.Count, book.Contracts.Count, book.Horizon.MonthCount));
        Assert.NotEmpty(book.RivalryGroups);
        Assert.NotEmpty(book.Investments);
    }
}
