using Quartermaster.Core;

namespace Quartermaster.Books.Tests;

/// <summary>Proposals read against the example book: added and changed items, site delays, and errors at their line and column.</summary>
public sealed class ProposalReaderTests
{
    private static readonly Book Example = BookReader.ReadFile(ExamplePaths.Example).Book!;

    private static ProposalReadResult Read(string text) => ProposalReader.ReadText(text, "p.yaml", Example);

    [Fact]
    public void The_shipped_proposal_adds_one_contract_and_changes_nothing_else()
    {
        var result = ProposalReader.ReadFile(Path.Combine(ExamplePaths.Root, "examples", "proposal-lab-a-gb300.yaml"), Example);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var proposal = result.Proposal!;
        Assert.Equal("lab-a-gb300", Assert.Single(proposal.AddedContracts(Example)).Id);
        Assert.Empty(proposal.ChangedContracts(Example));
        var signed = proposal.ApplyTo(Example);
        Assert.Equal(Example.Contracts.Count + 1, signed.Contracts.Count);
        Assert.Equal(900, signed.Contracts[^1].CommittedMw(new Month(2029, 1)));
        Assert.Equal(Example, proposal.WithoutAddedContracts(Example).ApplyTo(Example));
    }

    [Fact]
    public void A_contract_with_a_known_id_replaces_it_in_place()
    {
        var result = Read("""
            contracts:
              - id: eu-sovereign
                tenant: eu-sovereign-ai
                start: 2027-01
                end: 2033-12
                price: $700K/MW-month
                take_or_pay: 90%
                chips: [gb300]
                regions: [eu-north]
                ramp: {2027-01: 100 MW}
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var signed = result.Proposal!.ApplyTo(Example);
        Assert.Equal(Example.Contracts.Count, signed.Contracts.Count);
        var changed = signed.Contracts.Single(c => c.Id == "eu-sovereign");
        Assert.Equal(700_000, changed.PricePerMwMonthUsd);
        Assert.Equal(Example.Contracts.ToList().FindIndex(c => c.Id == "eu-sovereign"), signed.Contracts.ToList().FindIndex(c => c.Id == "eu-sovereign"));
        Assert.Equal("eu-sovereign", Assert.Single(result.Proposal.ChangedContracts(Example)).Id);
    }

    [Fact]
    public void A_site_delay_moves_the_steps_from_its_month_later_and_keeps_the_earlier_ones()
    {
        var result = Read("""
            sites:
              - id: madison
                delay_months: 6
                from: 2028-01
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var madison = result.Proposal!.ApplyTo(Example).Sites.Single(s => s.Id == "madison");
        // Madison: 300 MW from 2027-01, 1 GW from 2028-01, 2.4 GW from 2029-01; the last two come six months later.
        Assert.Equal([new MwStep(new Month(2027, 1), 300), new MwStep(new Month(2028, 7), 1000), new MwStep(new Month(2029, 7), 2400)], madison.Online);
    }

    [Fact]
    public void A_tenant_neither_the_book_nor_the_proposal_has_is_an_error_at_its_line_with_a_suggestion()
    {
        var result = Read("""
            contracts:
              - id: lab-c-1gw
                tenant: frontier-lab-c
                start: 2027-01
                end: 2030-12
                price: $575K/MW-month
                take_or_pay: 80%
                chips: [trainium3]
                regions: [us-east]
                ramp: {2027-01: 1 GW}
            """);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, 13), (error.Line, error.Column));
        Assert.Contains("names tenant 'frontier-lab-c', which is not in tenants (did you mean 'frontier-lab-a'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_tenant_in_the_same_proposal_makes_the_reference_good()
    {
        var result = Read("""
            tenants:
              - id: frontier-lab-c
                name: "Frontier Lab C"
            contracts:
              - id: lab-c-1gw
                tenant: frontier-lab-c
                start: 2027-01
                end: 2030-12
                price: $575K/MW-month
                take_or_pay: 80%
                chips: [trainium3]
                regions: [us-east]
                ramp: {2027-01: 1 GW}
            """);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void A_delay_of_an_unknown_site_an_unknown_key_and_a_wrong_unit_are_each_reported_where_they_are()
    {
        var result = Read("""
            sites:
              - {id: madisn, delay_months: 6}
            contracts:
              - id: x
                tenant: frontier-lab-a
                start: 2027-01
                end: 2030-12
                price: $575K
                take_or_pay: 80%
                chips: [trainium3]
                regions: [us-east]
                ramp: {2027-01: 1 GW}
                colour: blue
            """);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Line == 2 && e.Message.Contains("site 'madisn', which is not in the book's sites (did you mean 'madison'?)", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 8 && e.Message.Contains("price", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 13 && e.Message.Contains("unknown key 'colour'", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal("p.yaml", e.File));
    }

    [Fact]
    public void An_empty_proposal_and_an_unknown_section_are_errors()
    {
        Assert.Contains("changes nothing", Assert.Single(Read("proposal: nothing\n").Errors).Message, StringComparison.Ordinal);
        Assert.Contains(Read("contract:\n  - id: x\n").Errors, e => e.Message.Contains("did you mean 'contracts'?", StringComparison.Ordinal));
    }
}
