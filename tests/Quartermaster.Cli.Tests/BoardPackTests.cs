using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// <c>qm report --pdf</c>: the board pack printed by the system Chromium, read back with Debian's poppler-utils
/// (pdfinfo, pdftotext, pdftoppm) as a person would see it.
/// </summary>
public sealed partial class BoardPackTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("qm-board-pack-");

    [Fact]
    public void The_board_pack_has_the_one_pager_first_numbered_pages_with_the_book_in_the_footer_and_no_blank_page()
    {
        var pdf = Path.Combine(_folder.FullName, "pack", "board-pack.pdf");

        var outcome = Terminal.Run("report", Qm.Example, "--pdf", pdf, "--paths", "2000");

        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Equal(pdf, outcome.Stdout.Trim());
        var pages = int.Parse(PagesLine().Match(Tool("pdfinfo", pdf)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pages, 4, 30);
        var first = Tool("pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-");
        Assert.Contains("At a glance", first, StringComparison.Ordinal);
        foreach (var heading in new[] { "Verdicts", "Headline risks", "Concentration", "Operating book", "Stakes", "Whole book" })
        {
            Assert.Contains(heading, first, StringComparison.Ordinal);
        }
        // The one-pager is alone on its page: the sections start on page 2.
        Assert.DoesNotContain("In short", first, StringComparison.Ordinal);
        Assert.Contains("In short", Tool("pdftotext", "-f", "2", "-l", "2", pdf, "-"), StringComparison.Ordinal);
        for (var page = 1; page <= pages; page++)
        {
            var text = Tool("pdftotext", "-f", $"{page}", "-l", $"{page}", pdf, "-");
            Assert.Contains($"page {page} of {pages}", text, StringComparison.Ordinal);
            Assert.Contains("Neutral Cloud (example): neutral-cloud-2026, printed 2026-01-05", text, StringComparison.Ordinal);
        }
        Tool("pdftoppm", "-r", "20", "-gray", pdf, Path.Combine(_folder.FullName, "page"));
        var images = _folder.GetFiles("page-*.pgm").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(pages, images.Count);
        foreach (var image in images)
        {
            // Beyond the footer line, a page that is printed on has a few percent of its pixels inked.
            Assert.True(InkedShare(image.FullName) > 0.01, $"{image.Name} is blank");
        }
    }

    [Fact]
    public void Report_refuses_to_start_without_an_output_or_without_the_browser_it_prints_with()
    {
        var neither = Terminal.Run("report", Qm.Example);
        var noBrowser = Terminal.Run("report", Qm.Example, "--pdf", Path.Combine(_folder.FullName, "x.pdf"), "--chromium", "/no/such/chromium");

        Assert.Equal((2, "qm report: say where to write: --out DIR (HTML), --pdf FILE (board pack), or both"), (neither.ExitCode, neither.Stderr.Trim()));
        Assert.Equal(2, noBrowser.ExitCode);
        Assert.Equal("qm report: --pdf needs Chromium, and /no/such/chromium does not exist (Debian: apt-get install chromium; or give --chromium PATH)", noBrowser.Stderr.Trim());
        Assert.Empty(_folder.GetFiles());
    }

    /// <summary>The share of a binary PGM's pixels darker than near-white.</summary>
    private static double InkedShare(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // Header: "P5", width, height, maximum value, each followed by whitespace; then one byte per pixel.
        var (fields, position) = (new List<int>(), 2);
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }
            fields.Add(int.Parse(System.Text.Encoding.ASCII.GetString(bytes, start, position - start), System.Globalization.CultureInfo.InvariantCulture));
        }
        var pixels = bytes.AsSpan(position + 1, fields[0] * fields[1]);
        var inked = 0;
        foreach (var pixel in pixels)
        {
            inked += pixel < 200 ? 1 : 0;
        }
        return (double)inked / pixels.Length;
    }

    private static string Tool(string name, params string[] args)
    {
        var path = "/usr/bin/" + name;
        Assert.True(File.Exists(path), $"{path} is missing: run ./test, which installs Debian's poppler-utils");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(Terminal.Deadline), $"{name} did not finish");
        Assert.True(process.ExitCode == 0, $"{name} failed: {error.Result}");
        return output.Result;
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    public void Dispose() => _folder.Delete(recursive: true);
}
