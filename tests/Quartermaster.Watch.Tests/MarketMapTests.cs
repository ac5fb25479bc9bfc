namespace Quartermaster.Watch.Tests;

public class MarketMapTests
{
    private static readonly MarketMap Map = MarketMap.Of(SampleDeals.Read(), [SampleDeals.Rivals]);

    [Fact]
    public void A_provider_supplying_two_labs_of_a_rivalry_group_is_marked_and_no_other()
    {
        var marked = Assert.Single(Map.RivalSuppliers);
        Assert.Equal(("P1", "ab"), (marked.Provider, marked.Group));
        Assert.Equal(["LabA", "LabB"], marked.Labs);
        // P2 supplies LabA and LabC, but LabC is no rival; P3 only invests in LabA.
        Assert.Equal(["P1"], Map.Nodes.Where(n => n.SuppliesRivals).Select(n => n.Name));
    }

    [Fact]
    public void Equity_in_a_lab_the_provider_also_supplies_makes_it_paid_twice()
    {
        var paid = Assert.Single(Map.PaidTwice);
        Assert.Equal(("P1", "LabB", 1.0, 5e9, 4e9), (paid.Provider, paid.Lab, paid.Gw, paid.SupplyUsd, paid.EquityUsd));
        Assert.Equal([DealKind.ComputeSupply, DealKind.Equity], paid.Kinds);
        var equityOnly = Map.Edges.Single(e => e.Provider == "P3" && e.Lab == "LabA");
        Assert.False(equityOnly.PaidTwice);
    }

    [Fact]
    public void Edges_are_weighted_by_gigawatts_and_dollars_per_provider_and_lab()
    {
        Assert.Equal(
            [("P1", "LabA", 2, 10e9), ("P1", "LabB", 1, 9e9), ("P2", "LabA", 0, 6e9), ("P2", "LabC", 3, 0), ("P3", "LabA", 0, 1e9), ("P3", "LabC", 0.5, 0)],
            Map.Edges.Select(e => (e.Provider, e.Lab, e.Gw, e.Usd)));
        Assert.Equal(["LabA", "LabB", "LabC", "P1", "P2", "P3"], Map.Nodes.Select(n => n.Name));
        Assert.All(Map.Nodes, n => Assert.True(n.IsProvider ^ n.IsLab));
    }

    [Fact]
    public void Rivalry_files_are_read_strictly_with_positions()
    {
        var (groups, errors) = RivalriesReader.ReadText("groups:\n  - id: frontier\n    name: Frontier\n    labs: [OpenAI, Anthropic]\n", "r.yaml");
        Assert.Empty(errors);
        Assert.Equal(["OpenAI", "Anthropic"], Assert.Single(groups).Labs);

        var (_, bad) = RivalriesReader.ReadText("groups:\n  - id: frontier\n    lab: [OpenAI]\n", "r.yaml");
        Assert.Equal([(2, 5), (3, 5)], bad.Select(e => (e.Line, e.Column)));
        Assert.Contains("missing key 'labs'", bad[0].Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'lab' in a rivalry group (did you mean 'labs'?)", bad[1].Message, StringComparison.Ordinal);

        var (_, single) = RivalriesReader.ReadText("groups:\n  - id: g\n    labs: [OpenAI]\n", "r.yaml");
        Assert.Equal((3, 11), (single[0].Line, single[0].Column));
    }

    [Fact]
    public void The_shipped_rivalries_file_is_the_default_frontier_group()
    {
        var (groups, errors) = RivalriesReader.ReadFile(Path.Combine(SampleDeals.Root, "data", "rivalries.yaml"));
        Assert.Empty(errors);
        Assert.Equal(LabRivalryGroup.FrontierLabs.Labs, Assert.Single(groups).Labs);
    }
}
