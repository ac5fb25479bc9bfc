using Microsoft.Playwright;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// The provider dashboard's What-if panel on a real server with the example book, filled in from Debian's Chromium:
/// the answer is the deal desk's (the same figures <c>qm quote</c> prints for the shipped proposal).
/// </summary>
public sealed class WhatIfInBrowserTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-whatif-").FullName;
    private readonly Browser _browser = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "whatif.db"),
            SeedBookPath = Path.Combine(Screenshots.Root, "examples", "neutral-cloud-2026.yaml"),
        });
        await _browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(IPage Page, List<string> Errors)> SignInAsync(Role role, int width = 1280)
    {
        var (page, errors) = await _browser.NewPageAsync(width);
        await page.GotoAsync(_server.Address.ToString());
        await page.FillAsync("#key", await _server.KeyAsync(role));
        await page.ClickAsync("#signin button");
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return (page, errors);
    }

    private static async Task AnswerAsync(IPage page, string state)
    {
        await page.EvaluateAsync("delete document.body.dataset.whatif");
        await page.ClickAsync("#whatif-submit");
        await page.WaitForSelectorAsync("body[data-whatif]", new PageWaitForSelectorOptions { Timeout = (float)Wait.DefaultDeadline.TotalMilliseconds });
        var reached = await page.GetAttributeAsync("body", "data-whatif");
        Assert.True(reached == state, $"the panel ended '{reached}', not '{state}': {await page.InnerTextAsync("#whatif-error")}");
    }

    [Fact]
    public async Task An_analyst_quotes_a_contract_from_the_form_and_sees_headroom_costs_risk_and_the_verdict()
    {
        var (page, errors) = await SignInAsync(Role.Analyst);

        // Lab A's 900 MW of GB300, as in examples/proposal-lab-a-gb300.yaml.
        await page.SelectOptionAsync("#wi-tenant", "frontier-lab-a");
        await page.FillAsync("#wi-start", "2027-01");
        await page.FillAsync("#wi-end", "2031-12");
        await page.FillAsync("#wi-ramp", "2027-01: 300, 2028-01: 600, 2029-01: 900");
        await page.FillAsync("#wi-price", "715000");
        await page.FillAsync("#wi-top", "80");
        await page.FillAsync("#wi-chips", "gb300");
        await page.FillAsync("#wi-regions", "us-east, us-west");
        await AnswerAsync(page, "answered");

        var verdict = await page.InnerTextAsync("#whatif-verdict");
        Assert.StartsWith("The new contract for Frontier Lab A (2 GW deal) fits in full until 2027-12 (90.0% of its ramp fits throughout); "
            + "signed in full, from 2028-01 it takes up to 36 MW a month from 3 contracts (lowest fill 96.0%)", verdict, StringComparison.Ordinal);
        // Each existing contract that gives up MW: 70, 60 and 50 MW-months at 96% (docs/deal-desk.md works them out).
        var costs = await page.Locator("#whatif-costs tr").AllInnerTextsAsync();
        Assert.Equal(4, costs.Count);
        Assert.Equal(["70", "60", "50"], await page.Locator("#whatif-costs td[data-label='MW-months lost']").AllInnerTextsAsync());
        Assert.Equal(10, await page.Locator("#whatif-risk tr").CountAsync());
        // The table's figures read as the verdict's: P(loss) of the whole book -11.7 pts in both (seed 2026's draws).
        Assert.Contains("P(loss) -11.7 pts", verdict, StringComparison.Ordinal);
        Assert.Contains("-11.7 pts", await page.Locator("#whatif-risk tr").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["68.0%", "63.3%"], [await page.InnerTextAsync("#whatif-alerts tr:nth-child(2) td:nth-child(2)"), await page.InnerTextAsync("#whatif-alerts tr:nth-child(2) td:nth-child(3)")]);
        foreach (var chart in new[] { "#whatif-headroom-chart", "#whatif-fill-chart" })
        {
            Assert.Equal("true", await page.Locator(chart).GetAttributeAsync("data-rendered"));
            Assert.True(await page.Locator($"{chart} svg path").CountAsync() > 3, $"{chart} drew almost nothing");
        }
        Assert.Empty(errors);
        await page.Locator("#whatif-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("dashboard-whatif.png") });
    }

    [Fact]
    public async Task A_site_delay_is_quoted_and_a_bad_ramp_is_refused_on_the_page()
    {
        var (page, errors) = await SignInAsync(Role.Admin);

        await page.CheckAsync("#wi-kind-delay");
        await page.SelectOptionAsync("#wi-site", "madison");
        await page.FillAsync("#wi-delay", "12");
        await AnswerAsync(page, "answered");
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#whatif-verdict")));

        await page.CheckAsync("#wi-kind-contract");
        await page.FillAsync("#wi-start", "2027-01");
        await page.FillAsync("#wi-end", "2031-12");
        await page.FillAsync("#wi-ramp", "2027-01: lots");
        await AnswerAsync(page, "error");
        Assert.Equal("Could not quote it: the ramp step \"2027-01: lots\" is not \"YYYY-MM: MW\"", await page.InnerTextAsync("#whatif-error"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_provider_dashboard_fits_a_phone_screen_with_no_overprinted_label_and_no_accessibility_violation()
    {
        var (page, errors) = await SignInAsync(Role.Admin, width: 390);

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the dashboard is {scrollWidth}px wide on a 390px screen");
        foreach (var chart in new[] { "capacity", "fill-heatmap", "idle" })
        {
            Assert.Empty(await page.EvaluateAsync<string[]>(PhoneLayout.OverlappingLabels, $"[data-chart='{chart}']"));
        }
        Assert.Empty(await Accessibility.ViolationsAsync(page));
        Assert.Empty(errors);
    }
}
