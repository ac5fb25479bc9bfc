using CsCheck;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Stress.Tests;

/// <summary>The summary says only what the tables say: "wins either way" only under the book's threshold, losses as losses, names not ids.</summary>
public class StressSummaryTests
{
    // Rivals, with the operating book squeezed so that some outcomes lose money and others do not.
    private static Book Squeezed(double threshold)
    {
        var book = SmallBooks.Rivals(months: 36, paths: 3000);
        return book with
        {
            Scenario = book.Scenario with { EitherWayMaxLossProbability = threshold, BoomToCooling = Rate.PerMonth(0.05) },
            Sites = book.Sites.Select(s => s with { CapexPerMwUsd = 38e6 }).ToValueList(),
            Investments = book.Investments.Select(i => i with { Id = "inv-7" }).ToValueList(),
        };
    }

    [Fact]
    public void A_book_with_one_outcome_above_the_threshold_is_not_said_to_win_either_way()
    {
        var book = Squeezed(0.10);
        var result = StressEngine.Run(StressInput.Committed(book));
        var worst = result.WinEitherWay.Max(r => r.Payoff.Total.ProbabilityOfLoss);
        Assert.True(worst > 0.10, $"the test book should have an outcome losing more than 10% of the time (worst {worst:P1})");

        var text = string.Join(" ", StressSummary.Sentences(result, book));

        Assert.DoesNotContain("wins either way", text, StringComparison.Ordinal);
        Assert.Contains("does not win either way", text, StringComparison.Ordinal);
        var losing = result.WinEitherWay.First(r => r.Payoff.Total.ProbabilityOfLoss == worst);
        Assert.Contains($"it loses money in {PeopleText.Percent(worst)} of the futures where ", text, StringComparison.Ordinal);
        Assert.Contains($"{losing.Leaders[0].ToUpperInvariant()} leads Frontier labs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_book_wins_either_way_when_its_threshold_is_above_every_outcome_s_chance_of_loss()
    {
        var book = Squeezed(1.0);
        var result = StressEngine.Run(StressInput.Committed(book));

        var sentences = StressSummary.Sentences(result, book);

        Assert.Contains(sentences, s => s.StartsWith("The whole book wins either way", StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_leads_with_the_operating_book_then_the_stakes_and_says_losses_as_losses()
    {
        var book = Squeezed(0.10);
        var result = StressEngine.Run(StressInput.Committed(book));
        Assert.True(result.Payoff.Operating.P5Usd < 0);

        var sentences = StressSummary.Sentences(result, book);

        Assert.StartsWith("The operating book (the contracts' revenue less opex and capex, discounted at 8%/yr, with $", sentences[0], StringComparison.Ordinal);
        Assert.Contains(PeopleText.Money(result.Costs.ResidualValueUsd) + " of residual value of sites and equipment at the horizon)", sentences[0], StringComparison.Ordinal);
        Assert.Contains($"loses at most {PeopleText.Size(result.Payoff.Operating.P5Usd)} in 95% of futures", sentences[0], StringComparison.Ordinal);
        Assert.Contains($"loses money in {PeopleText.Percent(result.Payoff.Operating.ProbabilityOfLoss)}", sentences[0], StringComparison.Ordinal);
        Assert.StartsWith("The stakes (BETA, $25B paid at the start)", sentences[1], StringComparison.Ordinal);
        Assert.All(sentences, s => Assert.DoesNotContain("at least -$", s, StringComparison.Ordinal));
        Assert.All(sentences, s => Assert.DoesNotContain("worth -$", s, StringComparison.Ordinal));
    }

    [Fact]
    public void People_and_groups_are_named_by_their_display_names_never_their_ids()
    {
        var book = Squeezed(0.0);
        var result = StressEngine.Run(StressInput.Committed(book));

        var text = string.Join(" ", StressSummary.Sentences(result, book));

        Assert.Contains("Frontier labs", text, StringComparison.Ordinal);
        foreach (var id in new[] { "alpha", "beta", "gamma", "frontier", "inv-7" })
        {
            Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_certain_profit_wins_either_way_and_says_it_earns()
    {
        var book = SmallBooks.OneTenant(SmallBooks.BoomForever(0, 0, paths: 10), months: 12, mw: 100, price: 1000);
        var result = StressEngine.Run(StressInput.Committed(book));

        var sentences = StressSummary.Sentences(result, book);

        Assert.Contains("is worth $1.2M on average", sentences[0], StringComparison.Ordinal);
        Assert.Contains("earns at least $1.2M in 95% of futures", sentences[0], StringComparison.Ordinal);
        Assert.Contains(sentences, s => s.StartsWith("The book wins either way: whether or not the sector cools", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_random_books_the_summary_claims_either_way_exactly_when_every_outcome_is_under_the_threshold()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[2, 6], Gen.Int[2, 6], Gen.Int[6, 36], Gen.ULong).Sample((sites, tenants, contracts, months, seed) =>
        {
            var book = SyntheticBooks.Generate(new SyntheticBookOptions(sites, tenants, contracts, months, seed, RandomStressSettings: true));
            var result = StressEngine.Run(StressInput.Committed(book), new StressOptions(Paths: 300, Threads: 1));
            var line = result.Stakes.Count > 0 ? PayoffLine.Total : PayoffLine.Operating;
            var wins = result.WinEitherWay.All(r => r.Payoff[line].ProbabilityOfLoss <= book.Scenario.EitherWayMaxLossProbability);

            var claim = StressSummary.Sentences(result, book).First(s => s.Contains("either way", StringComparison.Ordinal));

            Assert.Equal(wins, claim.Contains("wins either way", StringComparison.Ordinal));
            Assert.Equal(!wins, claim.Contains("does not win either way", StringComparison.Ordinal));
        }, iter: 80);
    }

    [Fact]
    public void Every_tornado_input_and_book_key_of_the_model_has_a_label_and_a_one_line_definition()
    {
        string[] keys = ["discount_rate", "start_regime", "boom_to_cooling", "cooling_to_boom", "boom.growth", "boom.volatility", "cooling.growth",
            "cooling.volatility", "sector_ceiling", "either_way_max_loss_probability", "initial_share", "strength_volatility", "drift_hazard",
            "drift_fraction", "default_hazard_boom", "default_hazard_cooling", "recovery", "demand", "capex", "it_capex", "it_purchase", "refresh_years", "facility_life_years", "opex",
            "price", "take_or_pay", "amount", "ownership", "valuation", "beta", "date", "valuation_cap"];
        foreach (var key in keys.Concat(TornadoInputs.Default.Select(i => i.Name)))
        {
            var entry = StressGlossary.Of(key);
            Assert.True(entry is not null, $"no glossary entry for '{key}'");
            Assert.NotEqual(key, entry.Label);
            Assert.DoesNotContain('\n', entry.Definition);
            Assert.EndsWith(".", entry.Definition, StringComparison.Ordinal);
        }
        Assert.All(TornadoInputs.Default, i => Assert.Equal(StressGlossary.Label(i.Name), i.Label));
    }
}
