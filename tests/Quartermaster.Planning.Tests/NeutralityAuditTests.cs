using CsCheck;
using static Quartermaster.Planning.Tests.TestBooks;

namespace Quartermaster.Planning.Tests;

/// <summary>The neutrality audit passes the neutral policies and catches the ones that pick winners.</summary>
public sealed class NeutralityAuditTests
{
    // Two rival labs with identical eligibility, 80 MW each on 100 MW, and a stake in lab-a, which also pays more.
    private static readonly Book Rivals = Book(
        [Site("a", "east", 60), Site("b", "east", 40)],
        [Contract("a-deal", "lab-a", 80, ["east"], price: 200), Contract("b-deal", "lab-b", 80, ["east"], price: 100, weight: 1)],
        investments: [Stake("lab-a")]);

    [Theory]
    [InlineData(AllocationPolicy.MaxMin)]
    [InlineData(AllocationPolicy.ProRata)]
    [InlineData(AllocationPolicy.Weighted)]
    public void The_audit_passes_a_neutral_policy_on_two_rivals_with_a_stake_in_one(AllocationPolicy policy)
    {
        var report = NeutralityAudit.Run(Rivals, policy);

        Assert.True(report.Passed, string.Join("; ", report.Checks.SelectMany(c => c.Findings).Select(f => f.Detail)));
        Assert.Equal(["identity-blindness", "spread"], report.Checks.Select(c => c.Name));
    }

    [Fact]
    public void The_audit_fails_favour_stakes_and_names_the_contracts_the_stake_moved()
    {
        var report = NeutralityAudit.Run(Rivals, AllocationPolicy.FavourStakes);

        Assert.False(report.Passed);
        var blindness = report.Checks.Single(c => c.Name == "identity-blindness");
        Assert.False(blindness.Passed);
        Assert.Equal(["a-deal", "b-deal"], blindness.Findings.SelectMany(f => f.ContractIds).Distinct().Order());
        var spread = report.Checks.Single(c => c.Name == "spread");
        // Favoured 80 MW (fill 1) against 20 MW (fill 0.25).
        Assert.Equal(0.75, Assert.Single(spread.Findings).Value, 9);
    }

    [Fact]
    public void The_audit_fails_revenue_max_when_identically_eligible_contracts_get_unequal_fill_ratios()
    {
        var report = NeutralityAudit.Run(Rivals, AllocationPolicy.RevenueMax);

        var spread = report.Checks.Single(c => c.Name == "spread");
        Assert.False(spread.Passed);
        Assert.Equal(["a-deal", "b-deal"], Assert.Single(spread.Findings).ContractIds);
        // No stake decides anything under revenue-max, so renaming and zeroing stakes changes nothing.
        Assert.True(report.Checks.Single(c => c.Name == "identity-blindness").Passed);
    }

    [Fact]
    public void The_cost_of_neutrality_is_the_revenue_max_revenue_minus_the_policy_revenue_per_tenant()
    {
        // max-min: 50 MW each -> lab-a 50 * 200 = 10,000, lab-b 50 * 100 = 5,000.
        // revenue-max: lab-a 80 * 200 = 16,000, lab-b 20 * 100 = 2,000. Neutrality costs 18,000 - 15,000 = 3,000 a month.
        var report = NeutralityAudit.Run(Rivals, AllocationPolicy.MaxMin);

        var a = report.CostOfNeutrality.Single(t => t.TenantId == "lab-a");
        var b = report.CostOfNeutrality.Single(t => t.TenantId == "lab-b");
        Assert.Equal(10_000, a.PolicyRevenueUsd, 6);
        Assert.Equal(16_000, a.RevenueMaxRevenueUsd, 6);
        Assert.Equal(5_000, b.PolicyRevenueUsd, 6);
        Assert.Equal(2_000, b.RevenueMaxRevenueUsd, 6);
        Assert.Equal(3_000, report.CostOfNeutralityUsd, 6);
    }

    [Fact]
    public void The_audit_passes_every_neutral_policy_on_generated_books()
    {
        BookGen.Books.Sample(book =>
        {
            foreach (var policy in new[] { AllocationPolicy.MaxMin, AllocationPolicy.ProRata, AllocationPolicy.Weighted })
            {
                var report = NeutralityAudit.Run(book, policy);
                Assert.True(report.Passed, $"{policy}: " + string.Join("; ", report.Checks.SelectMany(c => c.Findings).Select(f => $"{f.Month} {f.Detail}")));
            }
        }, iter: 150);
    }

    [Fact]
    public void The_audit_fails_favour_stakes_whenever_the_stake_changes_the_plan()
    {
        BookGen.Books.Sample(book =>
        {
            var favoured = new FlowPlanner().Allocate(book, AllocationPolicy.FavourStakes);
            var unstaked = new FlowPlanner().Allocate(book with { Investments = ValueList<Investment>.Empty }, AllocationPolicy.FavourStakes);
            var report = NeutralityAudit.Run(book, AllocationPolicy.FavourStakes);
            Assert.Equal(SamePlacement(favoured, unstaked), report.Checks.Single(c => c.Name == "identity-blindness").Passed);
        }, iter: 150);
    }

    /// <summary>True when every allocation cell of the two plans agrees within 1e-9 of its contract's commitment.</summary>
    private static bool SamePlacement(Plan a, Plan b)
    {
        var committed = a.Fills.ToDictionary(f => (f.Month, f.ContractId), f => f.CommittedMw);
        var left = a.Allocations.ToDictionary(x => (x.Month, x.ContractId, x.SiteId, x.Chip), x => x.Mw);
        var right = b.Allocations.ToDictionary(x => (x.Month, x.ContractId, x.SiteId, x.Chip), x => x.Mw);
        return left.Keys.Union(right.Keys).All(k =>
            Math.Abs(left.GetValueOrDefault(k) - right.GetValueOrDefault(k)) <= 1e-9 * committed[(k.Month, k.ContractId)]);
    }
}
