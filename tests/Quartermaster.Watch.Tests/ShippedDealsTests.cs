namespace Quartermaster.Watch.Tests;

/// <summary>The public deals shipped in data/deals.csv.</summary>
public class ShippedDealsTests
{
    private static readonly DealsReadResult Shipped = DealsReader.ReadFile(Path.Combine(SampleDeals.Root, "data", "deals.csv"));

    [Fact]
    public void The_shipped_deals_file_validates_and_every_deal_has_an_http_source()
    {
        Assert.Empty(Shipped.Errors);
        Assert.True(Shipped.Deals.Count >= 20);
        Assert.All(Shipped.Deals, d => Assert.Matches("^https?://[^ ]+$", d.SourceUrl));
    }

    [Fact]
    public void Undated_deals_say_why_and_unstated_figures_are_left_empty()
    {
        Assert.All(Shipped.Deals.Where(d => d.Announced is null), d => Assert.Contains("undated", d.Notes, StringComparison.Ordinal));
        Assert.All(Shipped.Deals.Where(d => d.Kind == DealKind.Equity), d => Assert.Null(d.PowerGw));
    }

    [Fact]
    public void The_map_marks_every_provider_that_supplies_two_frontier_labs()
    {
        var map = MarketMap.Of(Shipped.Deals, [LabRivalryGroup.FrontierLabs]);
        // Amazon (AWS) supplies OpenAI and Anthropic, Microsoft both through Azure commitments, CoreWeave OpenAI
        // and Meta, Google Anthropic and Meta. Nvidia, AMD, Broadcom and Oracle supply OpenAI alone.
        Assert.Equal(["Amazon", "CoreWeave", "Google", "Microsoft"], map.RivalSuppliers.Select(r => r.Provider));
        Assert.Equal(["Anthropic", "OpenAI"], map.RivalSuppliers[0].Labs);
        Assert.Equal(
            [("Amazon", "Anthropic"), ("Amazon", "OpenAI"), ("Google", "Anthropic"), ("Microsoft", "Anthropic"), ("Microsoft", "OpenAI"), ("Nvidia", "OpenAI")],
            map.PaidTwice.Select(e => (e.Provider, e.Lab)));
    }
}
