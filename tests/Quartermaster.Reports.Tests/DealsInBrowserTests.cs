using Microsoft.Playwright;
using Quartermaster.Watch;

namespace Quartermaster.Reports.Tests;

/// <summary>The market section of the report (shipped deals, shipped rivalries) as Chromium draws it.</summary>
public sealed class DealsInBrowserTests(ExampleReport report) : IClassFixture<ExampleReport>
{
    private const string Red = "#D55E00";

    private DealsOverview Deals => report.Content.Deals!;

    private Task<(IPage Page, List<string> Errors)> OpenAsync() => report.OpenAsync(1280, 1000);

    [Fact]
    public async Task The_deals_timeline_and_market_map_render_with_data_offline()
    {
        var (page, errors) = await OpenAsync();
        var timeline = page.Locator("[data-chart='deals-timeline']");
        var map = page.Locator("[data-chart='deals-map']");
        Assert.Equal("true", await timeline.GetAttributeAsync("data-rendered"));
        Assert.Equal("true", await map.GetAttributeAsync("data-rendered"));
        // Every month from the first deal to the last is a category, so the axis keeps time to scale.
        var months = Deals.Timeline.Months[^1].MonthsSince(Deals.Timeline.Months[0]) + 1;
        Assert.Equal(months * Deals.Timeline.Series.Count, int.Parse(await timeline.GetAttributeAsync("data-points") ?? "0"));
        Assert.Equal(Deals.Map.Nodes.Count + Deals.Map.Edges.Count, int.Parse(await map.GetAttributeAsync("data-points") ?? "0"));
        Assert.True(await timeline.Locator("svg path").CountAsync() > Deals.Timeline.Series.Count, "the timeline drew almost nothing");
        Assert.True(await map.Locator("svg path").CountAsync() >= Deals.Map.Nodes.Count + Deals.Map.Edges.Count, "the map drew fewer shapes than nodes and edges");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_timeline_ends_at_each_providers_total_GW()
    {
        var (page, _) = await OpenAsync();
        var last = await page.EvaluateAsync<double[]>(
            "echarts.getInstanceByDom(document.querySelector(\"[data-chart='deals-timeline']\")).getOption().series.map(s => s.data[s.data.length - 1])");
        Assert.Equal(Deals.Timeline.Series.Select(s => s.TotalGw), last);
    }

    [Fact]
    public async Task The_map_draws_every_provider_that_supplies_rival_labs_and_only_those_in_red()
    {
        var (page, _) = await OpenAsync();
        var expected = Deals.Map.RivalSuppliers.Select(r => r.Provider).Distinct().Order(StringComparer.Ordinal).ToList();
        // The shipped deals: each of these supplies two or more frontier labs (docs/deals.md).
        Assert.Equal(["Amazon", "CoreWeave", "Google", "Microsoft"], expected);

        var inOption = await page.EvaluateAsync<string[]>(
            "echarts.getInstanceByDom(document.querySelector(\"[data-chart='deals-map']\")).getOption().series[0].data"
            + $".filter(d => d.label.color === '{Red}' && d.itemStyle.color === '{Red}').map(d => d.name)");
        Assert.Equal(expected, inOption.Order(StringComparer.Ordinal));

        // What the SVG shows: the names written in red are exactly those providers.
        var drawnRed = await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll(\"[data-chart='deals-map'] svg text\"))"
            + ".filter(t => ['#d55e00', 'rgb(213,94,0)'].includes((t.getAttribute('fill') || '').replace(/ /g, '').toLowerCase())).map(t => t.textContent)");
        Assert.Equal(expected, drawnRed.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Deserialize<string[]>(
            await page.Locator("[data-chart='deals-map']").GetAttributeAsync("data-red-names") ?? "[]")!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Node_size_follows_GW_or_dollars_as_chosen()
    {
        var (page, errors) = await OpenAsync();
        const string sizes = "Object.fromEntries(echarts.getInstanceByDom(document.querySelector(\"[data-chart='deals-map']\")).getOption()"
            + ".series[0].data.map(d => [d.name, d.symbolSize]))";
        var byGw = await page.EvaluateAsync<Dictionary<string, double>>(sizes);
        await page.SelectOptionAsync("select[data-size-for='deals-map']", "usd");
        var byUsd = await page.EvaluateAsync<Dictionary<string, double>>(sizes);
        // Sizes are 10 + 6 sqrt(GW) or 10 + 2.5 sqrt(dollars in billions), from each node's edges.
        var coreWeave = Deals.Map.Edges.Where(e => e.Provider == "CoreWeave").ToList();
        Assert.Equal(10 + 6 * Math.Sqrt(coreWeave.Sum(e => e.Gw)), byGw["CoreWeave"], 9);
        Assert.Equal(10 + 2.5 * Math.Sqrt(coreWeave.Sum(e => e.Usd) / 1e9), byUsd["CoreWeave"], 9);
        Assert.True(byUsd["CoreWeave"] > byGw["CoreWeave"], "CoreWeave's deals state dollars, not GW");
        Assert.Equal("usd", await page.Locator("[data-chart='deals-map']").GetAttributeAsync("data-size-by"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_tables_under_the_map_list_the_rival_suppliers_and_the_paid_twice_pairs()
    {
        var (page, _) = await OpenAsync();
        var rivals = await page.Locator("#rival-suppliers tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(Deals.Map.RivalSuppliers.Select(r => r.Provider), rivals);
        var paidTwice = await page.Locator("#paid-twice tr").EvaluateAllAsync<string[]>(
            "rows => rows.slice(1).map(r => r.cells[0].textContent + ' > ' + r.cells[1].textContent)");
        Assert.NotEmpty(paidTwice);
        Assert.Equal(Deals.Map.PaidTwice.Select(e => $"{e.Provider} > {e.Lab}"), paidTwice);
    }

    /// <summary>Writes the screenshot the README shows: set QM_UPDATE_DOCS_IMAGES=1 to refresh docs/images/market-map.png.</summary>
    [Fact]
    public async Task The_market_map_screenshot_is_small_enough_for_the_readme()
    {
        var (page, _) = await OpenAsync();
        var path = Screenshots.PathFor("market-map.png");
        await page.Locator("[data-chart='deals-map']").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        await page.Locator("[data-chart='deals-timeline']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("deals-timeline.png") });
        Assert.InRange(new FileInfo(path).Length, 10_000, 300_000);
        Screenshots.Publish(path, "market-map.png");
    }
}
