namespace Quartermaster.Cli.Tests;

/// <summary><c>qm report</c> with the market section: deals and rivalries files given, defaulted and broken.</summary>
public sealed class ReportDealsCommandTests : IDisposable
{
    private const string Header = "id,announced,provider,counterparty,kind,power_gw,chip_count,chip_type,amount_usd,term_years,exclusivity,notes,source_url,source_title,confidence";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-report-deals-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Bad_deals_and_rivalries_files_print_every_positioned_error_and_exit_two_without_a_report()
    {
        var deals = Write("bad.csv", Header + "\nx,2025-13,P,L,compute-supply,1,,,,,,,https://example.com/x,,announced\n");
        var rivalries = Write("r.yaml", "groups:\n  - id: a\n    labs: &labs [OpenAI, Anthropic]\n  - id: b\n    labs: *labs\n");
        var output = Path.Combine(_dir.FullName, "out");
        var outcome = Qm.Run("report", Qm.Example, "--out", output, "--paths", "1000", "--deals", deals, "--rivalries", rivalries);
        Assert.Equal(2, outcome.ExitCode);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith(deals + ":2:3: ", StringComparison.Ordinal));
        Assert.Contains(rivalries + ":5:11: aliases (*labs) are not allowed in a rivalries file; write the value out", lines);
        Assert.False(Directory.Exists(output), "a report was written from bad input");
    }

    [Fact]
    public void A_deals_file_adds_the_market_section_with_its_rival_suppliers()
    {
        // P1 supplies rival labs OpenAI and Anthropic (the default frontier group); P2 supplies only LabC.
        var deals = Write("deals.csv", Header + "\n"
            + "d1,2025-01,P1,OpenAI,compute-supply,2,,,,,,,https://example.com/1,,announced\n"
            + "d2,2025-03,P1,Anthropic,compute-supply,1,,,,,,,https://example.com/2,,announced\n"
            + "d3,2025-04,P2,LabC,chip-supply,1,,,,,,,https://example.com/3,,announced\n");
        var output = Path.Combine(_dir.FullName, "out");
        var outcome = Qm.Run("report", Qm.Example, "--out", output, "--paths", "1000", "--deals", deals);
        Assert.Equal(0, outcome.ExitCode);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<section id=\"deals\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"fail\">P1</td><td>Frontier labs</td><td>Anthropic, OpenAI</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"fail\">P2</td>", html, StringComparison.Ordinal);
    }
}
