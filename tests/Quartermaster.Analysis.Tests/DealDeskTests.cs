using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Analysis.Tests;

/// <summary>Quotes of hand-made proposals on a one-site book, computed by hand.</summary>
public sealed class DealDeskTests
{
    private static readonly Month Jan = new(2026, 1);

    /// <summary>One gb300 site in us-east, 50 MW from 2026-01 and 100 MW from 2026-02; lab-a's a-deal wants 60 MW, 2026-01 to 2026-03.</summary>
    private static readonly Book Book = new(
        "one-site", "Provider", new Horizon(Jan, Jan.Plus(2)),
        ValueList.Of(new Site("east", "us-east", 1, 10e6, 50e3, ValueList.Of(new ChipPool("gb300", 1)), ValueList.Of(new MwStep(Jan, 50), new MwStep(Jan.Plus(1), 100)))),
        ValueList.Of(new RivalryGroup("frontier", "Frontier")),
        ValueList.Of(new Tenant("lab-a", "Lab A", "frontier", TenantRisk.Default), new Tenant("lab-b", "Lab B", "frontier", TenantRisk.Default)),
        ValueList.Of(Contract("a-deal", "lab-a", 60)),
        ValueList<Investment>.Empty,
        ScenarioSettings.Default);

    private static Contract Contract(string id, string tenant, double mw) =>
        new(id, tenant, Jan, Jan.Plus(2), 300e3, 0.8, ValueList.Of("gb300"), ValueList.Of("us-east"), Isolation.Shared, 1, ValueList.Of(new MwStep(Jan, mw)));

    [Fact]
    public void A_site_delay_in_the_proposal_counts_against_the_existing_contracts_not_against_the_headroom()
    {
        // The delay moves the 100 MW step to 2026-03. Without b-deal, a-deal then has 50, 50 and 60 MW: b-deal's headroom is
        // 0, 0 and 100 - 60 = 40 MW. Signed in full (50 MW), max-min shares 50, 50 and 100 MW over 110 MW asked:
        // a-deal loses 22.7, 32.7 and 5.5 MW, so at most 33 MW in a month.
        var proposal = new Proposal("b-deal and a delay", ValueList<Site>.Empty, ValueList.Of(new SiteDelay("east", 1, Jan.Plus(1))),
            ValueList<RivalryGroup>.Empty, ValueList<Tenant>.Empty, ValueList.Of(Contract("b-deal", "lab-b", 50)), ValueList<Investment>.Empty);

        var quote = DealDesk.Quote(Book, proposal, new QuoteOptions(Paths: 200));

        var headroom = Assert.Single(quote.Headroom);
        Assert.Equal([0, 0, 40], headroom.Months.Select(m => Math.Round(m.HeadroomMw, 9)));
        Assert.Equal(0, headroom.UniformFraction);
        Assert.Equal(Jan, headroom.FirstMonthShort);
        var cost = Assert.Single(quote.Costs);
        Assert.Equal("a-deal", cost.ContractId);
        // Today a-deal has 50, 60, 60 MW; signed, 60/110 of 50, 50 and 100 MW.
        Assert.Equal([50 - (60 * 50 / 110.0), 60 - (60 * 50 / 110.0), 60 - (60 * 100 / 110.0)], cost.Months.Select(m => m.OldMw - m.NewMw), new ToleranceComparer(1e-9));
        Assert.Equal([Jan.Plus(1), Jan.Plus(2)], quote.NewShortfallMonths);
        Assert.True(quote.Neutrality.NewPassed);
        Assert.StartsWith("The new contract for Lab B does not fit in full from its first month (2026-01), and in some month none of it fits; "
            + "signed in full, from 2026-01 it takes up to 33 MW a month from 1 contract (lowest fill 45.5%);", quote.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_is_the_same_on_one_thread_and_on_two_and_has_no_NaN()
    {
        var proposal = new Proposal(null, ValueList<Site>.Empty, ValueList<SiteDelay>.Empty, ValueList<RivalryGroup>.Empty, ValueList<Tenant>.Empty,
            ValueList.Of(Contract("b-deal", "lab-b", 20)), ValueList<Investment>.Empty);
        var one = DealDesk.Quote(Book, proposal, new QuoteOptions(Paths: 300, Threads: 1));
        var two = DealDesk.Quote(Book, proposal, new QuoteOptions(Paths: 300, Threads: 2));
        Assert.Equal(one, two);
        foreach (var line in new[] { one.Risk.Operating, one.Risk.Stakes, one.Risk.Total })
        {
            Assert.All(new[] { line.Mean, line.P5, line.Var95, line.Cvar95, line.ProbabilityOfLoss },
                e => Assert.True(double.IsFinite(e.Change) && double.IsFinite(e.Ci95Low) && double.IsFinite(e.Ci95High) && e.Ci95Low <= e.Change && e.Change <= e.Ci95High));
        }
        // One path: no sections to measure a spread on, and still finite.
        var single = DealDesk.Quote(Book, proposal, new QuoteOptions(Paths: 1));
        Assert.True(double.IsFinite(single.Risk.Total.Var95.Ci95High));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
