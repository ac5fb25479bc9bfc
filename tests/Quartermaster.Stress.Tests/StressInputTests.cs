using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

public class StressInputTests
{
    private static readonly Book Book = SmallBooks.OneTenant(SmallBooks.BoomForever(0, 0), months: 6);

    [Fact]
    public void Committed_input_gives_each_contract_its_commitment_in_each_month()
    {
        var input = StressInput.Committed(Book);

        Assert.Equal(new[] { 100.0, 100, 100, 100, 100, 100 }, Assert.Single(input.AllocatedMwByContract));
        Assert.Empty(input.Problems());
    }

    [Fact]
    public void Wrong_lengths_and_negative_allocations_are_reported_and_refused()
    {
        var tooShort = new StressInput(Book, [new double[5]]);
        var negative = new StressInput(Book, [new double[] { 1, 1, -1, 1, 1, 1 }]);
        var missing = new StressInput(Book, []);

        Assert.Contains("5 months of allocation for a 6-month horizon", Assert.Single(tooShort.Problems()));
        Assert.Contains("negative", Assert.Single(negative.Problems()));
        Assert.Contains("0 allocation arrays for 1 contracts", Assert.Single(missing.Problems()));
        Assert.Throws<ArgumentException>(() => StressEngine.Run(negative));
    }

    [Fact]
    public void A_contract_of_an_unknown_tenant_is_reported()
    {
        var book = Book with { Contracts = Book.Contracts.Select(c => c with { Tenant = "ghost" }).ToValueList() };

        Assert.Contains("unknown tenant 'ghost'", Assert.Single(StressInput.Committed(book).Problems()));
    }

    [Fact]
    public void Settings_a_book_file_could_not_hold_are_refused_before_they_reach_the_engine()
    {
        var ceiling = Book with { Scenario = Book.Scenario with { SectorCeiling = 0.5 } };
        var cap = Book with { Investments = ValueList.Of(new Investment("i", "lab", 1, 0.1, 10, 1, null, ValuationCapUsd: double.NaN)) };

        Assert.Contains("sector ceiling must be at least 1", Assert.Single(StressInput.Committed(ceiling).Problems()));
        Assert.Contains("valuation cap above 0", Assert.Single(StressInput.Committed(cap).Problems()));
        Assert.Throws<ArgumentException>(() => StressEngine.Run(StressInput.Committed(ceiling)));
    }
}
