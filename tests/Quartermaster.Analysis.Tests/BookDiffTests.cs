using CsCheck;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Analysis.Tests;

/// <summary>What changed between hand-made pairs of books, and what it does to the plan, computed by hand.</summary>
public sealed class BookDiffTests
{
    private static readonly Month Jan = new(2026, 1);

    /// <summary>
    /// One 100 MW gb300 site in us-east; rivals lab-a (60 MW at $100/MW-month) and lab-b (60 MW at $200/MW-month), 2026-01 to 2026-03.
    /// Max-min gives each 50 MW: fill 5/6, revenue 3 x (50 x 100 + 50 x 200) = $45,000, nothing idle.
    /// </summary>
    private static Book Pair(double onlineMw = 100) => new(
        "pair", "Provider", new Horizon(Jan, new Month(2026, 3)),
        ValueList.Of(new Site("east", "us-east", 1, 10e6, 50e3, ValueList.Of(new ChipPool("gb300", 1)), ValueList.Of(new MwStep(Jan, onlineMw)))),
        ValueList.Of(new RivalryGroup("frontier", "Frontier")),
        ValueList.Of(new Tenant("lab-a", "Lab A", "frontier", TenantRisk.Default), new Tenant("lab-b", "Lab B", "frontier", TenantRisk.Default)),
        ValueList.Of(Contract("a-deal", "lab-a", 100), Contract("b-deal", "lab-b", 200)),
        ValueList.Of(new Investment("b-stake", "lab-b", 1e9, 0.05, 20e9, 1, Jan)),
        ScenarioSettings.Default);

    private static Contract Contract(string id, string tenant, double price) =>
        new(id, tenant, Jan, new Month(2026, 3), price, 0.8, ValueList.Of("gb300"), ValueList.Of("us-east"), Isolation.Shared, 1, ValueList.Of(new MwStep(Jan, 60)));

    [Fact]
    public void More_capacity_online_fills_both_rivals_and_raises_revenue_by_the_hand_computed_amount()
    {
        var diff = BookDiff.Of(Pair(100), Pair(120));

        var change = Assert.Single(diff.Changes);
        Assert.Equal(("site", "east", ChangeKind.Changed), (change.Entity, change.Id, change.Kind));
        Assert.Equal([new FieldChange("online", "2026-01: 100 MW", "2026-01: 120 MW")], change.Fields);

        var e = diff.Effect;
        Assert.Equal(45_000, e.OldRevenueUsd, 6);
        Assert.Equal(54_000, e.NewRevenueUsd, 6);
        Assert.Equal(9_000, e.RevenueDeltaUsd, 6);
        Assert.Equal([3_000.0, 6_000.0], e.Tenants.Select(t => Math.Round(t.DeltaUsd, 6)));
        Assert.Equal(0, e.OldIdleMwMonths, 9);
        Assert.Equal(0, e.NewIdleMwMonths, 9);
        Assert.Equal(300, e.OldOnlineMwMonths);
        Assert.Equal(360, e.NewOnlineMwMonths);
        Assert.Equal(360, e.OldCommittedMwMonths);

        Assert.Equal(6, e.FillMoves.Count);
        Assert.All(e.FillMoves, m =>
        {
            Assert.Equal(5.0 / 6, m.OldFillRatio, 12);
            Assert.Equal(1.0, m.NewFillRatio, 12);
        });
        var a = e.Contracts[0];
        Assert.Equal(("a-deal", 3, Jan, new Month(2026, 3)), (a.ContractId, a.MonthsMoved, a.FirstMonth, a.LastMonth));
        Assert.Equal(1.0 / 6, a.LargestRise, 12);
        Assert.Equal(0, a.LargestDrop);
    }

    [Fact]
    public void Added_removed_and_changed_entities_are_listed_with_their_fields_in_book_units()
    {
        var old = Pair();
        var @new = old with
        {
            Scenario = old.Scenario with { DiscountRate = Rate.PerYear(0.1) },
            Contracts = old.Contracts.Select(c => c.Id == "b-deal" ? c with { PricePerMwMonthUsd = 250e3, Regions = ValueList.Of("us-east", "us-west") } : c)
                .Append(Contract("a-extra", "lab-a", 150e3) with { Ramp = ValueList.Of(new MwStep(new Month(2026, 2), 1500)) }).ToValueList(),
            Investments = ValueList<Investment>.Empty,
        };
        var changes = BookDiff.Of(old, @new).Changes;
        Assert.Equal(["scenario pair changed", "contract b-deal changed", "contract a-extra added", "investment b-stake removed"],
            changes.Select(c => $"{c.Entity} {c.Id} {c.Kind.ToString().ToLowerInvariant()}"));
        Assert.Equal([new FieldChange("discount_rate", "8%/yr", "10%/yr")], changes[0].Fields);
        Assert.Equal([new FieldChange("price", "$200/MW-month", "$250K/MW-month"), new FieldChange("regions", "us-east", "us-east, us-west")], changes[1].Fields);
        Assert.Contains(new FieldChange("ramp", null, "2026-02: 1.5 GW"), changes[2].Fields);
        Assert.Contains(new FieldChange("amount", "$1B", null), changes[3].Fields);
    }

    [Fact]
    public void A_book_compared_with_itself_has_no_change_no_moved_fill_and_no_risk_difference()
    {
        var book = Pair();
        var diff = BookDiff.Of(book, book, stress: new StressOptions(Paths: 500));
        Assert.Empty(diff.Changes);
        Assert.Empty(diff.Effect.FillMoves);
        Assert.Equal(0, diff.Effect.RevenueDeltaUsd);
        // Common random numbers: the same book sees the same futures, so every paired difference is exactly zero.
        Assert.All(PayoffLines<PairedDifference>.All.Select(l => diff.Risk!.Difference[l]), d =>
        {
            Assert.Equal(0, d.MeanUsd);
            Assert.Equal(0, d.StandardErrorUsd);
            Assert.Equal(0, d.ProbabilityBBetter);
        });
    }

    [Fact]
    public void Raising_every_price_pays_more_in_almost_every_future_on_common_random_numbers()
    {
        var old = Pair();
        var @new = old with { Contracts = old.Contracts.Select(c => c with { PricePerMwMonthUsd = c.PricePerMwMonthUsd * 2 }).ToValueList() };
        var risk = BookDiff.Of(old, @new, stress: new StressOptions(Paths: 1000)).Risk!.Difference;
        Assert.True(risk.Operating.MeanUsd > 0);
        Assert.True(risk.Operating.Ci95LowUsd > 0);
        Assert.True(risk.Operating.ProbabilityBBetter > 0.99, $"the new book did better in only {risk.Operating.ProbabilityBBetter:P1} of futures");
        // The prices touch only the operating book: the stakes see the same futures and pay the same on every path.
        Assert.Equal(new PairedDifference(0, 0, 0, 0, 0), risk.Stakes);
        Assert.Equal(risk.Operating.MeanUsd, risk.Total.MeanUsd, 1e-6 * Math.Abs(risk.Operating.MeanUsd));
    }

    [Fact]
    public void A_policy_given_plans_both_books_under_it_and_otherwise_each_under_its_own()
    {
        var old = Pair();
        var @new = old with { Scenario = old.Scenario with { Policy = AllocationPolicy.RevenueMax } };
        var own = BookDiff.Of(old, @new);
        Assert.Equal((AllocationPolicy.MaxMin, AllocationPolicy.RevenueMax), (own.Effect.OldPolicy, own.Effect.NewPolicy));
        // Revenue-max gives b-deal ($200) its 60 MW and a-deal the other 40: 3 x (40 x 100 + 60 x 200) = $48,000.
        Assert.Equal(48_000, own.Effect.NewRevenueUsd, 6);
        var same = BookDiff.Of(old, @new, AllocationPolicy.MaxMin);
        Assert.Equal(0, same.Effect.RevenueDeltaUsd);
        Assert.Equal([new FieldChange("policy", "max-min", "revenue-max")], Assert.Single(same.Changes).Fields);
    }

    [Fact]
    public void Diffs_of_generated_books_are_antisymmetric()
    {
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5], Gen.Int[1, 8], Gen.Int[1, 24], Gen.ULong, Gen.ULong).Sample((sites, tenants, contracts, months, s1, s2) =>
        {
            var a = SyntheticBooks.Generate(new SyntheticBookOptions(sites, tenants, contracts, months, s1));
            var b = SyntheticBooks.Generate(new SyntheticBookOptions(sites, tenants, contracts, months, s2));
            var (ab, ba) = (BookDiff.Of(a, b), BookDiff.Of(b, a));
            return ab.Changes.Count(c => c.Kind == ChangeKind.Added) == ba.Changes.Count(c => c.Kind == ChangeKind.Removed)
                && ab.Changes.Count(c => c.Kind == ChangeKind.Changed) == ba.Changes.Count(c => c.Kind == ChangeKind.Changed)
                && ab.Effect.RevenueDeltaUsd == -ba.Effect.RevenueDeltaUsd
                && ab.Effect.FillMoves.Count == ba.Effect.FillMoves.Count;
        }, iter: 40);
    }
}
