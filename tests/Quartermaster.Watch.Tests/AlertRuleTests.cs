namespace Quartermaster.Watch.Tests;

public class AlertRuleTests
{
    private static readonly IReadOnlyList<Deal> Deals = SampleDeals.Read();

    private static AlertRule Rule(string text)
    {
        Assert.True(AlertRule.TryParse(text, null, out var rule, out var error), error);
        return rule!;
    }

    [Fact]
    public void Top_lab_share_fires_for_each_provider_and_measure_above_the_threshold()
    {
        var findings = Rule("top-lab share > 60%").Evaluate(Deals);
        // P1: LabA has 2/3 of its GW (fires) and 10/19 = 52.6% of its dollars (does not).
        // P2 and P3 each put all GW in one lab and all dollars in one lab.
        Assert.Equal(["P1", "P2", "P2", "P3", "P3"], findings.Select(f => f.Subject));
        Assert.Equal(2.0 / 3, findings[0].Value, 12);
        Assert.All(findings.Skip(1), f => Assert.Equal(1.0, f.Value));
        Assert.Equal(["d1"], findings[0].DealIds);
        Assert.Equal("P1: LabA holds 66.7% of its GW; rule 'top-lab share > 60%'", findings[0].Message);
    }

    [Fact]
    public void Top_lab_usd_share_looks_at_dollars_only()
    {
        var findings = Rule("top-lab usd share > 50%").Evaluate(Deals);
        Assert.Equal(["P1", "P2", "P3"], findings.Select(f => f.Subject));
        Assert.Equal(10.0 / 19, findings[0].Value, 12);
    }

    [Fact]
    public void Committed_in_a_window_counts_only_deals_announced_within_that_many_months()
    {
        // P1: d1 (2 GW, 2025-01) and d2 (1 GW, 2025-03) fall in one 3-month window but not in any 2-month window.
        var three = Rule("provider committed >= 3 GW in 3 months").Evaluate(Deals);
        Assert.Equal(["P1", "P2"], three.Select(f => f.Subject));
        Assert.Equal((3.0, "2025-01", "2025-03"), (three[0].Value, three[0].WindowStart.ToString(), three[0].WindowEnd.ToString()));
        Assert.Equal(["d1", "d2"], three[0].DealIds);
        Assert.Equal(["d5"], three[1].DealIds);

        var two = Rule("provider committed >= 3 GW in 2 months").Evaluate(Deals);
        Assert.Equal(["P2"], two.Select(f => f.Subject));
    }

    [Fact]
    public void Committed_dollars_without_a_window_count_every_deal_equity_and_undated_included()
    {
        var findings = Rule("lab committed > $10B").Evaluate(Deals);
        // LabA: $10B + $6B + $1B (undated equity) = $17B; LabB: $5B + $4B = $9B.
        var labA = Assert.Single(findings);
        Assert.Equal(("LabA", 17e9), (labA.Subject, labA.Value));
        Assert.Equal(["d1", "d4", "d6"], labA.DealIds);
    }

    [Fact]
    public void A_lab_with_fewer_providers_than_the_threshold_fires_with_its_supply_deals()
    {
        var finding = Assert.Single(Rule("lab providers < 2").Evaluate(Deals));
        Assert.Equal(("LabB", 1.0), (finding.Subject, finding.Value));
        Assert.Equal(["d2"], finding.DealIds);
        Assert.Equal(["LabA", "LabB"], Rule("backers >= 1").Evaluate(Deals).Select(f => f.Subject));
        Assert.Empty(Rule("provider labs > 2").Evaluate(Deals));
    }

    [Theory]
    [InlineData("top lab share > 50%", "is not a rule")]
    [InlineData("top-lab share > 50 GW", "expected a percentage")]
    [InlineData("top-lab share > 150%", "expected a percentage from 0% to 100%")]
    [InlineData("committed > 10", "is not a threshold for 'committed'")]
    [InlineData("committed > 10 gw", "is not a threshold for 'committed'")]
    [InlineData("lab top-lab share > 50%", "measured per provider, not per lab")]
    [InlineData("providers < 2 in 12 months", "only 'committed' takes a window")]
    [InlineData("committed > 1 GW in 0 months", "the window must be from 1")]
    [InlineData("lab providers < two", "expected a whole number")]
    public void A_rule_outside_the_grammar_is_refused_with_what_was_expected(string text, string expected)
    {
        Assert.False(AlertRule.TryParse(text, null, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_files_are_read_with_names_and_errors_at_their_positions()
    {
        var (rules, errors) = AlertRulesReader.ReadText("rules:\n  - name: concentrated\n    when: top-lab share > 50%\n  - when: lab providers < 2\n", "a.yaml");
        Assert.Empty(errors);
        Assert.Equal(["concentrated", "lab providers < 2"], rules.Select(r => r.Name));

        var (_, bad) = AlertRulesReader.ReadText("rules:\n  - when: top-lab share > 50\n  - wen: labs > 1\n", "a.yaml");
        Assert.Equal([(2, 11), (3, 5), (3, 5)], bad.Select(e => (e.Line, e.Column)));
        Assert.Contains("expected a percentage", bad[0].Message, StringComparison.Ordinal);

        var (_, broken) = AlertRulesReader.ReadText("rules: [\n", "a.yaml");
        Assert.StartsWith("invalid YAML", Assert.Single(broken).Message, StringComparison.Ordinal);
    }
}
