using Microsoft.Playwright;
using Quartermaster.Books;
using Quartermaster.Planning;
using Quartermaster.Stress;
using Quartermaster.Watch;

namespace Quartermaster.Reports.Tests;

/// <summary>The report of the example book with the shipped deals, written once for the tests that open it.</summary>
public sealed class ExampleReport : IAsyncLifetime
{
    public Browser Browser { get; } = new();

    public string Path { get; private set; } = "";

    public ReportContent Content { get; private set; } = null!;

    public static string Root => Screenshots.Root;

    public async Task InitializeAsync()
    {
        var book = BookReader.ReadFile(System.IO.Path.Combine(Root, "examples", "neutral-cloud-2026.yaml")).Book!;
        var plan = ShortfallCounterfactuals.Explain(book, new FlowPlanner().Allocate(book, book.Scenario.Policy));
        var input = PlannedCapacity.ToStressInput(book, plan);
        var options = new StressOptions(Paths: 4000);
        var deals = DealsReader.ReadFile(System.IO.Path.Combine(Root, "data", "deals.csv"));
        var (groups, rivalryErrors) = RivalriesReader.ReadFile(System.IO.Path.Combine(Root, "data", "rivalries.yaml"));
        Assert.Empty(deals.Errors);
        Assert.Empty(rivalryErrors);
        Content = new ReportContent(book, plan, NeutralityAudit.Run(book, book.Scenario.Policy), StressEngine.Run(input, options),
            StressEngine.Tornado(input, options: options with { Paths = 1000 }), DealsOverview.Of(deals.Deals, groups));
        Path = HtmlReport.WriteTo(Content, Directory.CreateTempSubdirectory("qm-report-").FullName);
        await Browser.InitializeAsync();
    }

    /// <summary>The report in a new page of <paramref name="width"/> by <paramref name="height"/>, once its charts are drawn.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(int width = 1280, int height = 900)
    {
        var (page, errors) = await Browser.NewPageAsync(width, height);
        await page.GotoAsync(new Uri(Path).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }
}
