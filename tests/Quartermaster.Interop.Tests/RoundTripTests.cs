using CsCheck;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Interop.Tests;

/// <summary>import(export(book)) is the book, through xlsx and through CSV, and the YAML written is qm's canonical form.</summary>
public sealed class RoundTripTests
{
    private static void AssertRoundTrips(Book book, IReadOnlyList<InputSheet> sheets)
    {
        var imported = BookImport.Read(sheets, "export.xlsx");
        Assert.True(imported.IsValid, string.Join("\n", imported.Errors));
        Assert.Equal(book, imported.Book);
        Assert.Equal(BookWriter.Write(book), imported.Yaml);
    }

    [Fact]
    public void The_example_book_comes_back_equal_from_its_workbook()
    {
        var book = Repository.ExampleBook();
        AssertRoundTrips(book, Repository.ThroughXlsx(WorkbookExport.Of(book)));
    }

    [Fact]
    public void The_example_book_comes_back_equal_from_its_csv_files()
    {
        var book = Repository.ExampleBook();
        AssertRoundTrips(book, Repository.ThroughCsv(WorkbookExport.Of(book)));
    }

    [Fact]
    public void Non_default_settings_awkward_names_and_a_huge_seed_survive_the_workbook()
    {
        var book = Repository.ExampleBook();
        var changed = book with
        {
            Provider = "Quote \" comma, newline \n tab \t unicode é ✓ and  two spaces ",
            Scenario = book.Scenario with
            {
                Seed = ulong.MaxValue - 1,
                Policy = AllocationPolicy.Weighted,
                DiscountRate = Rate.PerMonth(0.0065),
                StartRegime = Regime.Cooling,
                Cooling = new RegimeDynamics(Rate.PerYear(-0.333), Rate.PerMonth(0.12)),
            },
            Tenants = book.Tenants.Select(t => t with { Name = t.Name + ", \"quoted\"", Risk = t.Risk with { RecoveryFraction = 0.123, DriftHazard = Rate.PerMonth(0.01) } }).ToValueList(),
            Contracts = book.Contracts.Select(c => c with { Isolation = Isolation.DedicatedHall, Weight = 2.5, PricePerMwMonthUsd = c.PricePerMwMonthUsd + 0.1 }).ToValueList(),
            Investments = book.Investments.Select(i => i with { Date = null, Beta = 1.7 }).ToValueList(),
        };
        AssertRoundTrips(changed, Repository.ThroughXlsx(WorkbookExport.Of(changed)));
        AssertRoundTrips(changed, Repository.ThroughCsv(WorkbookExport.Of(changed)));
    }

    [Fact]
    public void Generated_books_of_random_sizes_come_back_equal_through_xlsx_and_csv()
    {
        Gen.Select(Gen.Int[1, 8], Gen.Int[1, 6], Gen.Int[1, 10], Gen.Int[1, 48], Gen.ULong, Gen.Double[0.3, 3.0], Gen.Double[0, 1])
            .Sample((sites, tenants, contracts, months, seed, shortage, dedicated) =>
            {
                var book = SyntheticBooks.Generate(new SyntheticBookOptions(sites, tenants, contracts, months, seed, Math.Round(shortage, 2), dedicated));
                var workbook = WorkbookExport.Of(book);
                foreach (var sheets in new[] { Repository.ThroughXlsx(workbook), Repository.ThroughCsv(workbook) })
                {
                    var imported = BookImport.Read(sheets, "generated.xlsx");
                    if (!imported.IsValid || !book.Equals(imported.Book) || imported.Yaml != BookWriter.Write(book))
                    {
                        return false;
                    }
                }
                return true;
            }, iter: 60);
    }

    [Fact]
    public void The_template_imports_as_it_is_into_its_example_book()
    {
        var template = WorkbookExport.Template();
        var imported = BookImport.Read(Repository.ThroughXlsx(template), "template.xlsx");
        Assert.True(imported.IsValid, string.Join("\n", imported.Errors));
        Assert.Equal("my-book", imported.Book!.Id);
        Assert.Equal(2, imported.Book.Contracts.Count);
        Assert.Equal([new MwStep(new Month(2026, 1), 100), new MwStep(new Month(2027, 1), 250)], imported.Book.Contracts[0].Ramp);
    }

    [Fact]
    public void Sheets_of_the_plan_stress_and_deals_are_ignored_on_import()
    {
        var book = Repository.ExampleBook();
        var plan = new Planning.FlowPlanner().Allocate(book, book.Scenario.Policy);
        AssertRoundTrips(book, Repository.ThroughXlsx(WorkbookExport.Of(book, plan)));
    }
}
