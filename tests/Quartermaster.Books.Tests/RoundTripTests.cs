using CsCheck;
using Quartermaster.Core;

namespace Quartermaster.Books.Tests;

public class RoundTripTests
{
    private static Book ReadBack(Book book)
    {
        var again = BookReader.ReadText(BookWriter.Write(book), "written.yaml");
        Assert.Empty(again.Errors);
        return again.Book!;
    }

    [Fact]
    public void The_example_book_reads_back_equal_after_writing()
    {
        var example = BookReader.ReadFile(ExamplePaths.Example).Book!;
        Assert.Equal(example, ReadBack(example));
    }

    [Fact]
    public void Writing_is_stable_so_a_written_book_rewrites_to_the_same_text()
    {
        var example = BookReader.ReadFile(ExamplePaths.Example).Book!;
        var text = BookWriter.Write(example);
        Assert.Equal(text, BookWriter.Write(ReadBack(example)));
    }

    [Fact]
    public void Non_default_settings_and_awkward_names_survive_a_round_trip()
    {
        var book = BookText.Read(BookText.Valid).Book!;
        var changed = book with
        {
            Provider = "Quote \" backslash \\ newline \n tab \t unicode é ✓",
            Scenario = book.Scenario with
            {
                Seed = ulong.MaxValue >> 1,
                Policy = AllocationPolicy.Weighted,
                DiscountRate = Rate.PerMonth(0.0065),
                StartRegime = Regime.Cooling,
                Cooling = new RegimeDynamics(Rate.PerYear(-0.333), Rate.PerMonth(0.12)),
            },
            Tenants = book.Tenants.Select(t => t with { Risk = t.Risk with { RecoveryFraction = 0.123, DriftHazard = Rate.PerMonth(0.01) } }).ToValueList(),
            Contracts = book.Contracts.Select(c => c with { Isolation = Isolation.DedicatedHall, Weight = 2.5 }).ToValueList(),
        };
        Assert.Equal(changed, ReadBack(changed));
    }

    [Fact]
    public void Generated_books_of_random_sizes_read_back_equal()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 12], Gen.Int[1, 30], Gen.Int[1, 72], Gen.ULong, Gen.Double[0.3, 3.0], Gen.Double[0, 1])
            .Sample((sites, tenants, contracts, months, seed, shortage, dedicated) =>
            {
                var book = SyntheticBooks.Generate(new SyntheticBookOptions(sites, tenants, contracts, months, seed, Math.Round(shortage, 2), dedicated));
                var again = BookReader.ReadText(BookWriter.Write(book), "generated.yaml");
                return again.Errors.Count == 0 && book.Equals(again.Book);
            }, iter: 200);
    }
}
