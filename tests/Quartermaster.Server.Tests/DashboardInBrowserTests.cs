using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Storage;
using Quartermaster.Stress;
using Quartermaster.Watch;

namespace Quartermaster.Server.Tests;

/// <summary>The dashboard at / of a real server with the example book, signed in from Debian's Chromium.</summary>
public sealed class DashboardInBrowserTests : IAsyncLifetime
{
    private const int Paths = 50_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("qm-dashboard-").FullName;
    private readonly Browser _browser = new();
    // The real engine, held at its first partial progress until the page has shown it: however slow the machine.
    private readonly GatedStressRunner _runner = new(new EngineStressRunner(new StressOptions(Paths: Paths, ChunkPaths: 2048)));
    private RunningServer _server = null!;
    private Book _book = null!;

    public async Task InitializeAsync()
    {
        var example = Path.Combine(Screenshots.Root, "examples", "neutral-cloud-2026.yaml");
        _book = BookReader.ReadFile(example).Book!;
        _server = await RunningServer.StartAsync(new ServerOptions
        {
            Database = Path.Combine(_directory, "dashboard.db"),
            SeedBookPath = example,
            StressRunner = _runner,
            Deals = DealsOverview.Of(DealsReader.ReadFile(Path.Combine(Screenshots.Root, "data", "deals.csv")).Deals, [LabRivalryGroup.FrontierLabs]),
        });
        await _browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        _runner.Open();
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Opens the dashboard, signs in with a new key of <paramref name="role"/>, and records every API response body.</summary>
    private async Task<(IPage Page, List<string> Errors, List<string> Bodies)> SignInAsync(Role role, string? tenant = null)
    {
        var (page, errors) = await _browser.NewPageAsync();
        var bodies = new List<string>();
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                try
                {
                    bodies.Add(await response.TextAsync());
                }
                catch (PlaywrightException)
                {
                    // The page moved on before the body was read; the next response is still checked.
                }
            }
        };
        await page.GotoAsync(_server.Address.ToString());
        await page.FillAsync("#key", await _server.KeyAsync(role, tenant));
        await page.ClickAsync("#signin button");
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return (page, errors, bodies);
    }

    [Fact]
    public async Task An_admin_sees_every_tenant_and_follows_a_stress_run_started_from_the_page()
    {
        var (page, errors, _) = await SignInAsync(Role.Admin);
        foreach (var chart in new[] { "capacity", "fill-heatmap", "idle", "deals-timeline", "deals-map" })
        {
            Assert.Equal("true", await page.Locator($"#provider-view [data-chart='{chart}']").GetAttributeAsync("data-rendered"));
        }
        // The plan says why each contract is short, with a counterfactual that fills it (as qm plan does).
        var whyShort = await page.Locator("#why-short td[data-label='would fill it']").AllInnerTextsAsync();
        Assert.NotEmpty(whyShort);
        Assert.Contains("+80 MW at new-carlisle (trainium3) would fill it", whyShort);
        var legend = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join('\\n')");
        Assert.All(_book.Tenants, t => Assert.Contains(t.Id, legend, StringComparison.Ordinal));

        // Record every progress the page shows while the run goes.
        await page.EvaluateAsync(@"() => { window.seen = []; new MutationObserver(() => window.seen.push(document.getElementById('stress-progress').value))
            .observe(document.getElementById('stress-progress'), { attributes: true }); }");
        await page.ClickAsync("#run-stress");
        await _runner.Held.WaitAsync(Wait.DefaultDeadline);
        await page.WaitForFunctionAsync("() => window.seen.some(p => p > 0 && p < 1)", null,
            new PageWaitForFunctionOptions { Timeout = (float)Wait.DefaultDeadline.TotalMilliseconds, PollingInterval = 50 });
        _runner.Open();
        await page.WaitForSelectorAsync("body[data-stress='done']", new PageWaitForSelectorOptions { Timeout = (float)Wait.DefaultDeadline.TotalMilliseconds });
        Assert.Equal("succeeded", await page.InnerTextAsync("#stress-status"));
        foreach (var chart in new[] { "operating-histogram", "payoff-histogram", "cash-flow", "fan-revenue", "fan-used", "fan-idle" })
        {
            Assert.Equal("true", await page.Locator($"[data-chart='{chart}']").GetAttributeAsync("data-rendered"));
        }
        Assert.Contains(Paths.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("#stress-summary"), StringComparison.Ordinal);
        // The operating book is shown first, next to the stakes and the whole book.
        Assert.Equal(["line", "operating book", "stakes", "whole book"], await page.Locator("#stress-summary tr > :first-child").AllInnerTextsAsync());
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard-provider.png"), FullPage = true });
        Screenshots.Publish(Screenshots.PathFor("dashboard-provider.png"), "dashboard-provider.png");
    }

    [Fact]
    public async Task The_version_picker_shows_what_changed_between_two_stored_versions_both_ways()
    {
        var cheaper = _book with { Contracts = _book.Contracts.Select(c => c.Id == "lab-a-2gw" ? c with { PricePerMwMonthUsd = 480e3 } : c).ToValueList() };
        var admin = _server.Client(await _server.KeyAsync(Role.Admin));
        var stored = await admin.PutAsync($"/api/v1/books/{_book.Id}", new StringContent(BookWriter.Write(cheaper), System.Text.Encoding.UTF8, "application/yaml"));
        Assert.Equal(System.Net.HttpStatusCode.Created, stored.StatusCode);

        var (page, errors, _) = await SignInAsync(Role.Analyst);
        await page.WaitForSelectorAsync("body[data-diff='1-2']", new PageWaitForSelectorOptions { Timeout = (float)Wait.DefaultDeadline.TotalMilliseconds });
        Assert.True(await page.Locator("#versions-section").IsVisibleAsync());
        Assert.Equal("From version 1 to version 2: 1 entity added, removed or changed.", await page.Locator("#diff-summary").TextContentAsync());
        var row = await page.Locator("#diff-changes tr").Nth(1).InnerTextAsync();
        Assert.Equal("contract\tlab-a-2gw\tchanged\tprice\t$575K/MW-month\t$480K/MW-month", row);
        Assert.Contains("revenue (price x allocated MW)", await page.Locator("#diff-effect").InnerTextAsync(), StringComparison.Ordinal);

        await page.SelectOptionAsync("#diff-old", "2");
        await page.SelectOptionAsync("#diff-new", "1");
        await page.ClickAsync("#diff-form button");
        await page.WaitForSelectorAsync("body[data-diff='2-1']", new PageWaitForSelectorOptions { Timeout = (float)Wait.DefaultDeadline.TotalMilliseconds });
        Assert.Equal("contract\tlab-a-2gw\tchanged\tprice\t$480K/MW-month\t$575K/MW-month", await page.Locator("#diff-changes tr").Nth(1).InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_analyst_sees_the_provider_view_without_the_button_that_writes()
    {
        var (page, errors, _) = await SignInAsync(Role.Analyst);
        Assert.True(await page.Locator("#provider-view").IsVisibleAsync());
        Assert.False(await page.Locator("#run-stress").IsVisibleAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Each_tenant_page_and_every_response_it_loads_hold_no_other_tenants_data()
    {
        foreach (var tenant in _book.Tenants)
        {
            var (page, errors, bodies) = await SignInAsync(Role.Tenant, tenant.Id);
            Assert.True(await page.Locator("#tenant-view").IsVisibleAsync());
            Assert.Equal("true", await page.Locator("[data-chart='tenant-fill']").GetAttributeAsync("data-rendered"));
            var html = await page.ContentAsync();
            var text = await page.InnerTextAsync("body");
            var chartText = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join('\\n')");
            Assert.Contains(tenant.Id, html, StringComparison.Ordinal);
            foreach (var contract in _book.Contracts.Where(c => c.Tenant == tenant.Id))
            {
                Assert.Contains(contract.Id, text, StringComparison.Ordinal);
            }
            Assert.NotEmpty(bodies);
            // Short months say why in the policy's words alone: no site, no other contract, no other figure.
            var shortRows = await page.Locator("#tenant-short td[data-label='why']").AllInnerTextsAsync();
            Assert.All(shortRows, r => Assert.Equal("capacity at the sites your contract may use was fully allocated under max-min", r));
            if (tenant.Id == "frontier-lab-b")
            {
                Assert.NotEmpty(shortRows);
            }
            foreach (var rival in _book.Tenants.Where(t => t.Id != tenant.Id))
            {
                var secrets = new[] { rival.Id, rival.Name }.Concat(_book.Contracts.Where(c => c.Tenant == rival.Id).Select(c => c.Id));
                foreach (var secret in secrets)
                {
                    Assert.False(html.Contains(secret, StringComparison.Ordinal) || chartText.Contains(secret, StringComparison.Ordinal),
                        $"{tenant.Id}'s page shows {secret}");
                    Assert.DoesNotContain(bodies, b => b.Contains(secret, StringComparison.Ordinal));
                }
            }
            Assert.Empty(errors);
            if (tenant.Id == "frontier-lab-a")
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard-tenant.png") });
                Screenshots.Publish(Screenshots.PathFor("dashboard-tenant.png"), "dashboard-tenant.png");
            }
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task A_wrong_key_is_refused_on_the_page()
    {
        var (page, _) = await _browser.NewPageAsync();
        await page.GotoAsync(_server.Address.ToString());
        await page.FillAsync("#key", "qm_not_a_key");
        await page.ClickAsync("#signin button");
        await page.WaitForSelectorAsync("#signin-error:not([hidden])");
        Assert.Matches(new Regex("Could not sign in"), await page.InnerTextAsync("#signin-error"));
        Assert.False(await page.Locator("#provider-view").IsVisibleAsync());
    }
}
