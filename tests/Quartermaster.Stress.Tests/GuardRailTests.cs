using CsCheck;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Stress.Tests;

/// <summary>No NaN or infinity reaches any output, a 0% share never leads, and figures Monte Carlo cannot pin down are flagged.</summary>
public class GuardRailTests
{
    [Fact]
    public void A_rival_with_no_initial_share_never_leads_and_keeps_its_own_demand()
    {
        var book = SmallBooks.Rivals(months: 24, paths: 2000);
        var risk = SmallBooks.Quiet with { StrengthVolatility = 0.3 };
        book = book with
        {
            Scenario = SmallBooks.BoomForever(0, 0, paths: 2000),
            Tenants = ValueList.Of(
                SmallBooks.Tenant("alpha", risk with { InitialShareFraction = 0 }, "frontier"),
                SmallBooks.Tenant("beta", risk with { InitialShareFraction = 1 }, "frontier"),
                SmallBooks.Tenant("gamma", risk)),
        };

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.Empty(FiniteValues.NonFinite(result));
        Assert.Empty(result.RivalryGroups); // one rival with a share left: nobody else can lead
        // With a flat sector and no events every tenant uses exactly its commitment, alpha included.
        Assert.All(result.MeanUsedMwByMonth, u => Assert.Equal(7500, u, 1e-9));
    }

    [Fact]
    public void A_zero_share_rival_in_a_group_of_three_never_leads()
    {
        var book = SmallBooks.Rivals(months: 24, paths: 2000);
        var risk = SmallBooks.Quiet with { StrengthVolatility = 0.3 };
        book = book with
        {
            Tenants = ValueList.Of(
                SmallBooks.Tenant("alpha", risk with { InitialShareFraction = 0 }, "frontier"),
                SmallBooks.Tenant("beta", risk with { InitialShareFraction = 0.5 }, "frontier"),
                SmallBooks.Tenant("gamma", risk with { InitialShareFraction = 0.5 }, "frontier")),
        };

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.Empty(FiniteValues.NonFinite(result));
        Assert.DoesNotContain(result.WinEitherWay, r => r.Leaders.Contains("alpha"));
        Assert.Equal(new[] { "beta", "gamma" }, result.WinEitherWay.Select(r => r.Leaders[0]).Distinct().Order());
    }

    [Fact]
    public void At_extreme_volatility_a_simulated_mean_far_from_the_model_s_is_flagged()
    {
        // sigma 300%/yr over 10 years: E[S_T] = e^{mu T} but almost all its mass sits in futures 2,000 paths never see.
        var wild = SmallBooks.OneTenant(SmallBooks.BoomForever(0.10, 3.0, paths: 2000), months: 120, mw: 100, price: 1000);
        var calm = SmallBooks.OneTenant(SmallBooks.BoomForever(0.10, 0.25, paths: 2000), months: 120, mw: 100, price: 1000);

        var flagged = StressEngine.Run(StressInput.Unlimited(wild)).Warnings;
        var quiet = StressEngine.Run(StressInput.Unlimited(calm)).Warnings;

        var warning = Assert.Single(flagged, w => w.Figure == "sector.mean");
        Assert.Contains("below the model's exact mean", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(quiet, w => w.Figure == "sector.mean");
    }

    [Fact]
    public void A_mean_whose_confidence_interval_spans_zero_is_flagged_and_a_certain_one_is_not()
    {
        // A stake bought at its expected value (mu = 0, no discount): the stakes' mean is 0 give or take noise.
        var stake = new Investment("stake", "lab", 1e6, 1, 1e6, 1, null);
        var book = SmallBooks.OneTenant(SmallBooks.BoomForever(0, 0.3, paths: 4000), months: 24, mw: 100, price: 1000, investments: [stake]);

        var result = StressEngine.Run(StressInput.Committed(book));

        Assert.InRange(0, result.Payoff.Stakes.Ci95LowUsd, result.Payoff.Stakes.Ci95HighUsd);
        Assert.Contains(result.Warnings, w => w.Figure == "stakes.mean");
        Assert.DoesNotContain(result.Warnings, w => w.Figure == "operating.mean"); // the operating book is certain
    }

    [Fact]
    public void No_output_of_a_random_valid_book_is_NaN_or_infinite()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 7], Gen.Int[1, 8], Gen.Int[1, 60], Gen.ULong).Sample((sites, tenants, contracts, months, seed) =>
        {
            var book = SyntheticBooks.Generate(new SyntheticBookOptions(sites, tenants, contracts, months, seed, RandomStressSettings: true));
            Assert.Empty(BookReader.ReadText(BookWriter.Write(book), "random.yaml").Errors); // a valid book, as a user could write it
            var input = Planned(book);
            var options = new StressOptions(Paths: 300, Threads: 1, ChunkPaths: 256);

            var result = StressEngine.Run(input, options);
            Assert.Empty(FiniteValues.NonFinite(result));
            Assert.DoesNotContain(StressSummary.Sentences(result, book), s => s.Contains("NaN", StringComparison.Ordinal) || s.Contains('∞'));

            var tornado = StressEngine.Tornado(input, [TornadoInputs.Default[0], TornadoInputs.Default[2], TornadoInputs.Default[^2]], TornadoMetric.Var95, options);
            Assert.Empty(FiniteValues.NonFinite(tornado));
            var comparison = StressEngine.Compare(input, input with { Book = TornadoInputs.Default[^1].Apply(book, +1) }, options);
            Assert.Empty(FiniteValues.NonFinite(comparison));
        }, iter: 60);
    }

    // The plan's capacity, as qm stress uses it; a book the planner refuses falls back to the commitments.
    private static StressInput Planned(Book book)
    {
        try
        {
            return PlannedCapacity.ToStressInput(book, new FlowPlanner().Allocate(book, book.Scenario.Policy));
        }
        catch (PlanningException)
        {
            return StressInput.Committed(book);
        }
    }
}
