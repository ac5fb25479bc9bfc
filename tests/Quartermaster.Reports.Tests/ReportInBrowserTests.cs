using Microsoft.Playwright;

namespace Quartermaster.Reports.Tests;

public sealed class ReportInBrowserTests(ExampleReport report) : IClassFixture<ExampleReport>
{
    private static readonly string[] Charts =
        ["capacity", "fill-heatmap", "idle", "payoff-histogram", "fan-revenue", "fan-used", "fan-idle", "tornado"];

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
        foreach (var unit in new[] { "MW", "idle MW", "payoff (NPV, USD)", "revenue (USD per month)", "used MW", "idle MW", "futures (count)", "change in mean payoff (USD)" })
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
    public async Task The_report_is_readable_at_phone_width()
    {
        var (page, errors) = await OpenAsync(width: 390);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 420, $"the page is {scrollWidth}px wide on a 390px screen");
        Assert.Equal("true", await page.Locator("[data-chart='capacity']").GetAttributeAsync("data-rendered"));
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("report-phone.png"), FullPage = false });
    }
}
