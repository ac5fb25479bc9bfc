using System.Globalization;
using System.Net;
using Microsoft.Playwright;

namespace Quartermaster.Cli;

/// <summary>
/// Prints a written HTML report to an A4 PDF through the system's Chromium, driven by Playwright: the report's
/// print style sheet puts the one-pager alone on page 1 and keeps charts and tables whole; the footer carries the
/// book, the date and the page number. Never downloads a browser.
/// </summary>
internal static class BoardPack
{
    /// <summary>Debian's Chromium (package <c>chromium</c>).</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    // The printable width of A4 (210 mm) less 10 mm margins, in CSS pixels at 96 per inch: charts are drawn at the
    // width they are printed at, so none is clipped or rescaled.
    private const int PrintableWidthPx = 718;

    /// <summary>Prints <paramref name="reportPath"/> to <paramref name="pdfPath"/>.</summary>
    /// <exception cref="PlaywrightException">The browser could not be started or the page could not be printed.</exception>
    /// <exception cref="TimeoutException">The report's charts were not drawn within a minute.</exception>
    public static async Task PrintAsync(string reportPath, string pdfPath, string footer, string chromium)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = PrintableWidthPx, Height = 1000 } });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.GotoAsync(new Uri(Path.GetFullPath(reportPath)).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        await page.PdfAsync(new PagePdfOptions
        {
            Path = pdfPath,
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            // Chromium fills the pageNumber and totalPages spans; the footer has no style sheet but its own.
            FooterTemplate = "<div style=\"font: 8px system-ui, sans-serif; color: #5b6570; width: 100%; margin: 0 10mm; display: flex; justify-content: space-between\">"
                + $"<span>{WebUtility.HtmlEncode(footer)}</span><span>page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
            Margin = new Margin { Top = "12mm", Bottom = "16mm", Left = "10mm", Right = "10mm" },
        });
    }

    /// <summary>The footer line: the provider, the book and the day it was printed.</summary>
    public static string Footer(Core.Book book, DateTimeOffset now) =>
        $"{book.Provider}: {book.Id}, printed {now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
