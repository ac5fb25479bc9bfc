using Microsoft.Playwright;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Stress;

namespace Quartermaster.Reports.Tests;

public sealed class ReportInBrowserTests(ExampleReport report) : IClassFixture<ExampleReport>
{
    private static readonly string[] Charts =
        ["capacity", "fill-heatmap", "idle", "payoff-histogram", "operating-histogram", "cash-flow", "fan-revenue", "fan-used", "fan-idle", "tornado"];

    private Task<(IPage Page, List<string> Errors)> OpenAsync(int width = 1280) => report.OpenAsync(width);

    [Fact]
    public async Task Every_chart_of_the_report_renders_with_data_offline()
    {
        var (page, errors) = await OpenAsync();
        foreach (var chart in Charts)
        {
            var element = page.Locator($"[data-chart='{chart}']");
            Assert.Equal("true", await element.GetAttributeAsync("data-rendered"));
            Assert.True(int.Parse(await element.GetAttributeAsync("data-points") ?? "0") > 0, $"{chart} drew no points");
            Assert.True(await element.Locator("svg path").CountAsync() > 10, $"{chart} drew almost nothing");
        }
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("report-full.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 1500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("report.png") });
        Screenshots.Publish(Screenshots.PathFor("report.png"), "report.png");
    }

    [Fact]
    public async Task Every_axis_names_its_unit()
    {
        var (page, _) = await OpenAsync();
        var axisTitles = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join('\\n')");
        foreach (var unit in new[] { "MW", "idle MW", "payoff (NPV, USD)", "revenue (USD per month)", "used MW", "idle MW", "futures (count)", "change in mean payoff (USD)", "operating cash (USD, undiscounted)", "calendar year" })
        {
            Assert.Contains(unit + "\n", axisTitles + "\n", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_summary_and_tables_show_the_figures_of_the_run()
    {
        var (page, _) = await OpenAsync();
        var summary = await page.Locator("#summary").InnerTextAsync();
        Assert.Contains($"{report.Content.Stress.Paths:N0} simulated futures", summary, StringComparison.Ordinal);
        Assert.Contains(report.Content.Audit.Passed ? "audit passes" : "audit FAILS", summary, StringComparison.Ordinal);
        var winRows = await page.Locator("#stress table").Nth(1).Locator("tr").CountAsync();
        Assert.Equal(report.Content.Stress.WinEitherWay.Count + 1, winRows);
    }

    [Fact]
    public async Task The_why_short_table_names_each_shortfalls_bottleneck_and_the_MW_that_would_fill_it()
    {
        var (page, _) = await OpenAsync();
        var rows = WhyShortRow.Of(report.Content.Plan);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count + 1, await page.Locator("#why-short tr").CountAsync());
        var first = await page.Locator("#why-short tr").Nth(1).InnerTextAsync();
        Assert.Contains(rows[0].Counterfactual, first, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", rows[0].BottleneckSites), first, StringComparison.Ordinal);
        Assert.Contains(" MW at new-carlisle (trainium3) would fill it", first, StringComparison.Ordinal);
        Assert.Contains(report.Content.Book.Tenant(rows[0].TenantId).Name, first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_summary_line_states_the_operating_book_s_mean_P5_and_chance_of_loss_as_its_table_row_does()
    {
        var (page, _) = await OpenAsync();
        var first = await page.Locator("#summary li").First.InnerTextAsync();
        var second = await page.Locator("#summary li").Nth(1).InnerTextAsync();
        var row = page.Locator("#payoff tr[data-line='operating'] td");
        var mean = (await row.Nth(1).InnerTextAsync()).Split(" (")[0];
        var p5 = await row.Nth(3).InnerTextAsync();
        var pLoss = await row.Nth(11).InnerTextAsync();

        var operating = report.Content.Stress.Payoff.Operating;
        Assert.Equal(PeopleText.Money(operating.MeanUsd), mean);
        Assert.Equal(PeopleText.Money(operating.P5Usd), p5);
        Assert.Equal(PeopleText.Percent(operating.ProbabilityOfLoss), pLoss);
        Assert.StartsWith("The operating book", first, StringComparison.Ordinal);
        // A loss is said as a loss, so the sentence carries the figure without its sign.
        Assert.Contains((operating.MeanUsd < 0 ? "loses " : "is worth ") + mean.TrimStart('-') + " on average", first, StringComparison.Ordinal);
        Assert.Contains((operating.P5Usd < 0 ? "loses at most " : "earns at least ") + p5.TrimStart('-') + " in 95% of futures", first, StringComparison.Ordinal);
        Assert.Contains($"loses money in {pLoss} of them", first, StringComparison.Ordinal);
        Assert.StartsWith("The stakes (", second, StringComparison.Ordinal);
        Assert.Equal(["operating", "stakes", "total"], await page.Locator("#payoff tr[data-line]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.line)"));
    }

    [Fact]
    public async Task The_cash_chart_draws_every_year_and_payback_and_IRR_are_stated_beside_it()
    {
        var (page, _) = await OpenAsync();
        var cash = report.Content.Stress.CashFlow;
        var chart = page.Locator("[data-chart='cash-flow']");
        Assert.Equal("true", await chart.GetAttributeAsync("data-rendered"));
        Assert.Equal(cash.Years.Count * 6, int.Parse(await chart.GetAttributeAsync("data-points") ?? "0"));
        var labels = await chart.Locator("svg text").AllTextContentsAsync();
        Assert.All(cash.Years, y => Assert.Contains(labels, l => l.StartsWith(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var note = await page.Locator("#cash-note").InnerTextAsync();
        Assert.Contains($"{PeopleText.Percent(cash.Payback.ProbabilityWithinHorizon)} of futures pay back within the horizon", note, StringComparison.Ordinal);
        Assert.Contains("Operating IRR", note, StringComparison.Ordinal);
        Assert.Equal(StressGlossary.Entries.Count + 1, await page.Locator("#glossary tr").CountAsync());
    }

    [Fact]
    public async Task The_report_is_readable_at_phone_width()
    {
        var (page, errors) = await OpenAsync(width: 390);

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth}px wide on a 390px screen");
        // Every table cell (P(loss) included) is on screen: rows are cards, not tables scrolling sideways.
        var offScreen = await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('td')).filter(c => c.getBoundingClientRect().right > 391).map(c => c.dataset.label + ': ' + c.textContent)");
        Assert.Empty(offScreen);
        Assert.True(await page.Locator("#payoff td[data-label='P(loss)']").First.IsVisibleAsync());
        foreach (var chart in Charts.Append("deals-timeline").Append("deals-map"))
        {
            Assert.Empty(await page.EvaluateAsync<string[]>(PhoneLayout.OverlappingLabels, $"[data-chart='{chart}']"));
        }
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("report-phone.png"), FullPage = false });
    }
    [Fact]
    public async Task Tenant_colours_stay_distinct_under_a_deuteranopia_simulation()
    {
        var (page, _) = await OpenAsync();
        var palette = await page.EvaluateAsync<string[]>("Quartermaster.palette");

        // Machado, Oliveira and Fernandes (2009), deuteranopia at full severity, on linear RGB; distance is CIE76 in Lab.
        // Under it the old palette's red and green (frontier-lab-b, enterprise-copilots) were 7.3 apart: one olive.
        var worst = palette.SelectMany((a, i) => palette.Skip(i + 1).Select(b => (a, b, distance: Deuteranopia.Distance(a, b))))
            .MinBy(p => p.distance);
        Assert.True(worst.distance >= 15, $"{worst.a} and {worst.b} are {worst.distance:F1} apart under deuteranopia");
        Assert.True(palette.Length >= report.Content.Book.Tenants.Count);
    }

    [Fact]
    public async Task Every_chart_carries_a_description_a_screen_reader_can_read()
    {
        var (page, _) = await OpenAsync();
        foreach (var chart in Charts)
        {
            // ECharts writes the description on the chart's own element.
            var label = await page.Locator($"[data-chart='{chart}']").GetAttributeAsync("aria-label");
            Assert.False(string.IsNullOrWhiteSpace(label), $"{chart} has no description");
        }
    }

    [Fact]
    public async Task Axe_finds_no_accessibility_violation_in_the_report()
    {
        var (page, _) = await OpenAsync();

        Assert.Empty(await Accessibility.ViolationsAsync(page));
    }

    [Fact]
    public async Task The_accessibility_check_does_catch_a_violation()
    {
        var (page, _) = await OpenAsync();
        await page.EvaluateAsync("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')");

        Assert.Contains(await Accessibility.ViolationsAsync(page), v => v.StartsWith("image-alt:", StringComparison.Ordinal));
    }
}
