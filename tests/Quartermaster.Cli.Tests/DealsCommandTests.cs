using System.Text.Json;

namespace Quartermaster.Cli.Tests;

/// <summary><c>qm deals</c> (and the market section of <c>qm report</c>) run as a user would, on small hand-made files and on data/deals.csv.</summary>
public sealed class DealsCommandTests : IDisposable
{
    private const string Header = "id,announced,provider,counterparty,kind,power_gw,chip_count,chip_type,amount_usd,term_years,exclusivity,notes,source_url,source_title,confidence";

    // P1 supplies rival labs LabA (2 GW, $10B) and LabB (1 GW, $5B) and holds $4B of LabB's equity; P2 supplies LabC alone.
    private const string Sample = Header + "\n"
        + "d1,2025-01-15,P1,LabA,compute-supply,2,,,10000000000,,,,https://example.com/1,,announced\n"
        + "d2,2025-03,P1,LabB,compute-supply,1,,,5000000000,,,,https://example.com/2,,reported\n"
        + "d3,2025-03-20,P1,LabB,equity,,,,4000000000,,,\"stake, up to $4B\",https://example.com/3,,announced\n"
        + "d4,2026,P2,LabC,chip-supply,3,,,,,,,https://example.com/4,,announced\n";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-deals-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_shipped_deals_validate_and_exit_zero()
    {
        var deals = Path.Combine(Qm.Root, "data", "deals.csv");
        var outcome = Terminal.Run("deals", "validate", deals);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(deals) + @": valid \(\d+ deals, \d+ providers, \d+ labs, \d+ undated\)", outcome.Stdout);
        Assert.Empty(outcome.Stderr);
    }

    [Fact]
    public void Invalid_deals_give_positioned_errors_on_stderr_and_exit_two()
    {
        var bad = Write("bad.csv", Header + "\nx,2025-13,P,L,compute-suply,-1,,,,,,,ftp://x,,announced\nx,2025,P,L,equity,,,,1,,,,,,rumoured\n");
        var outcome = Terminal.Run("deals", "validate", bad);
        Assert.Equal(2, outcome.ExitCode);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [$"{bad}:2:3:", $"{bad}:2:15:", $"{bad}:2:29:", $"{bad}:2:38:", $"{bad}:3:1:", $"{bad}:3:27:"],
            lines.Select(l => l[..(l.IndexOf(": ", StringComparison.Ordinal) + 1)]));
        Assert.Contains("duplicate id 'x' (first at line 2)", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_json_gives_cumulative_figures_by_month()
    {
        var outcome = Terminal.Run("deals", "timeline", Write("s.csv", Sample), "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var total = json.RootElement.GetProperty("total").GetProperty("points");
        // 2025-01: 2 GW, $10B; 2025-03: +1 GW, +$5B, +$4B equity; 2026 (year only, placed in 2026-12): +3 GW.
        Assert.Equal(["2025-01", "2025-03", "2026-12"], total.EnumerateArray().Select(p => p.GetProperty("month").GetString()));
        Assert.Equal(6, total[2].GetProperty("cumulative_gw").GetDouble());
        Assert.Equal(19e9, total[2].GetProperty("cumulative_usd").GetDouble());
        Assert.Equal(4e9, total[2].GetProperty("cumulative_equity_usd").GetDouble());
        Assert.Equal("P1", json.RootElement.GetProperty("series")[0].GetProperty("key").GetString());
    }

    [Fact]
    public void Timeline_can_follow_one_providers_labs_and_names_an_unknown_provider()
    {
        var sample = Write("s.csv", Sample);
        var outcome = Terminal.Run("deals", "timeline", sample, "--provider", "p1", "--by", "lab");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("LabA", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 GW, $19B", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("LabC", outcome.Stdout, StringComparison.Ordinal);

        var unknown = Terminal.Run("deals", "timeline", sample, "--provider", "P9");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no deals of provider 'P9'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_marks_the_provider_supplying_rivals_and_the_paid_twice_edge()
    {
        var rivals = Write("r.yaml", "groups:\n  - id: ab\n    labs: [LabA, LabB]\n");
        var outcome = Terminal.Run("deals", "map", Write("s.csv", Sample), "--rivalries", rivals, "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var marked = json.RootElement.GetProperty("rival_suppliers").EnumerateArray().Select(r => r.GetProperty("provider").GetString());
        Assert.Equal(["P1"], marked);
        var paid = json.RootElement.GetProperty("edges").EnumerateArray().Where(e => e.GetProperty("paid_twice").GetBoolean())
            .Select(e => (e.GetProperty("provider").GetString(), e.GetProperty("lab").GetString(), e.GetProperty("equity_usd").GetDouble()));
        Assert.Equal([("P1", "LabB", 4e9)], paid);
    }

    [Fact]
    public void Exposure_json_gives_shares_and_hhi()
    {
        var outcome = Terminal.Run("deals", "exposure", Write("s.csv", Sample), "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var p1 = json.RootElement.GetProperty("providers")[0];
        Assert.Equal("P1", p1.GetProperty("provider").GetString());
        Assert.Equal(5.0 / 9, p1.GetProperty("gw").GetProperty("hhi").GetDouble(), 12);
        Assert.Equal(10.0 / 19, p1.GetProperty("usd").GetProperty("top_share").GetDouble(), 12);
        var labB = json.RootElement.GetProperty("labs").EnumerateArray().Single(l => l.GetProperty("lab").GetString() == "LabB");
        Assert.Equal(["P1"], labB.GetProperty("backers").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public void Alerts_exit_one_when_a_rule_fires_and_zero_when_none_does()
    {
        var sample = Write("s.csv", Sample);
        var fires = Terminal.Run("deals", "alerts", sample, "--rules", Write("a.yaml", "rules:\n  - when: provider committed >= 3 GW in 3 months\n"), "--json");
        Assert.Equal(1, fires.ExitCode);
        using var json = JsonDocument.Parse(fires.Stdout);
        // P1: 2 GW in 2025-01 and 1 GW in 2025-03 fall in one 3-month window; P2's 3 GW come in one deal.
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["P1", "P2"], findings.Select(f => f.GetProperty("subject").GetString()));
        var finding = findings[0];
        Assert.Equal(("P1", "2025-01", "2025-03"), (finding.GetProperty("subject").GetString(), finding.GetProperty("window_start").GetString(), finding.GetProperty("window_end").GetString()));

        var quiet = Terminal.Run("deals", "alerts", sample, "--rules", Write("b.yaml", "rules:\n  - when: lab providers < 1\n"));
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("No alert fired", quiet.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_rules_file_is_a_positioned_error_and_exits_two()
    {
        var rules = Write("bad.yaml", "rules:\n  - when: top-lab share > half\n");
        var outcome = Terminal.Run("deals", "alerts", Write("s.csv", Sample), "--rules", rules);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"{rules}:2:11: 'half' is not a threshold for a share", outcome.Stderr, StringComparison.Ordinal);
    }

    // qm report with the market section.

    [Fact]
    public void Bad_deals_and_rivalries_files_print_every_positioned_error_and_exit_two_without_a_report()
    {
        var deals = Write("bad.csv", Header + "\nx,2025-13,P,L,compute-supply,1,,,,,,,https://example.com/x,,announced\n");
        var rivalries = Write("r.yaml", "groups:\n  - id: a\n    labs: &labs [OpenAI, Anthropic]\n  - id: b\n    labs: *labs\n");
        var output = Path.Combine(_dir.FullName, "out");
        var outcome = Terminal.Run("report", Qm.Example, "--out", output, "--paths", "1000", "--deals", deals, "--rivalries", rivalries);
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
        var outcome = Terminal.Run("report", Qm.Example, "--out", output, "--paths", "1000", "--deals", deals);
        Assert.Equal(0, outcome.ExitCode);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<section id=\"deals\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"fail\">P1</td><td>Frontier labs</td><td>Anthropic, OpenAI</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"fail\">P2</td>", html, StringComparison.Ordinal);
    }
}
