using System.Text.Json;

namespace Quartermaster.Cli.Tests;

public class PlanAuditStressCommandTests
{
    [Fact]
    public void Plan_json_has_the_documented_fields_and_respects_capacity_and_commitment()
    {
        var outcome = Terminal.Run("plan", Qm.Example, "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        Assert.Equal("max-min", root.GetProperty("policy").GetString());
        Assert.Equal(120, root.GetProperty("months").GetArrayLength());
        foreach (var fill in root.GetProperty("fills").EnumerateArray())
        {
            Assert.InRange(fill.GetProperty("fill_ratio").GetDouble(), 0, 1);
            Assert.True(fill.GetProperty("allocated_mw").GetDouble() <= fill.GetProperty("committed_mw").GetDouble() + 1e-6);
        }
        var allocatedBySiteMonth = root.GetProperty("allocations").EnumerateArray()
            .GroupBy(a => (a.GetProperty("site_id").GetString(), a.GetProperty("month").GetString()))
            .ToDictionary(g => g.Key, g => g.Sum(a => a.GetProperty("mw").GetDouble()));
        foreach (var idle in root.GetProperty("idle").EnumerateArray())
        {
            var key = (idle.GetProperty("site_id").GetString(), idle.GetProperty("month").GetString());
            Assert.True(allocatedBySiteMonth.GetValueOrDefault(key) <= idle.GetProperty("online_mw").GetDouble() + 1e-6);
        }
        var shortfall = root.GetProperty("shortfalls")[0];
        Assert.NotEqual(0, shortfall.GetProperty("saturated_sites").GetArrayLength());
        Assert.Equal("capacity", shortfall.GetProperty("reason").GetString());
        var counterfactual = shortfall.GetProperty("counterfactual");
        Assert.True(counterfactual.GetProperty("add_mw").GetDouble() >= shortfall.GetProperty("short_mw").GetDouble());
        Assert.Contains(counterfactual.GetProperty("pool").GetProperty("site_id").GetString(),
            shortfall.GetProperty("saturated_sites").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Plan_says_why_each_contract_is_short_with_runs_of_months_collapsed()
    {
        var outcome = Terminal.Run("plan", Qm.Example);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Why short", outcome.Stdout, StringComparison.Ordinal);
        // The example's first shortage (2026-07 to 2026-09) binds both labs at the same pools for three months.
        Assert.Contains("2026-07 to 2026-09", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("MW at new-carlisle", outcome.Stdout, StringComparison.Ordinal);

        var skipped = Terminal.Run("plan", Qm.Example, "--json", "--no-counterfactuals");
        using var json = JsonDocument.Parse(skipped.Stdout);
        Assert.All(json.RootElement.GetProperty("shortfalls").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("counterfactual").ValueKind));
    }

    [Theory]
    [InlineData("max-min", 0)]
    [InlineData("pro-rata", 0)]
    [InlineData("weighted", 0)]
    [InlineData("favour-stakes", 1)]
    public void The_audit_passes_neutral_policies_and_catches_favouring_stakes(string policy, int exitCode)
    {
        var outcome = Terminal.Run("audit", Qm.Example, "--policy", policy, "--json");
        Assert.Equal(exitCode, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(exitCode == 0, json.RootElement.GetProperty("passed").GetBoolean());
        if (exitCode == 1)
        {
            var blindness = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "identity-blindness");
            Assert.False(blindness.GetProperty("passed").GetBoolean());
        }
    }

    [Fact]
    public void Stress_json_is_identical_for_any_thread_count_and_chunk_size()
    {
        var one = Terminal.Run("stress", Qm.Example, "--paths", "3000", "--threads", "1", "--json");
        var two = Terminal.Run("stress", Qm.Example, "--paths", "3000", "--threads", "2", "--chunk", "257", "--json");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Stdout, two.Stdout);
        using var json = JsonDocument.Parse(one.Stdout);
        var root = json.RootElement;
        Assert.Equal(3000, root.GetProperty("paths").GetInt32());
        Assert.Equal(2026UL, root.GetProperty("seed").GetUInt64());
        var payoff = root.GetProperty("payoff");
        Assert.True(payoff.GetProperty("p5").GetDouble() <= payoff.GetProperty("p50").GetDouble());
        Assert.Equal(2, payoff.GetProperty("ci95").GetArrayLength());
        Assert.Equal(120, root.GetProperty("monthly").GetArrayLength());
        Assert.InRange(root.GetProperty("concentration").GetProperty("top_tenant_share").GetDouble(), 0, 1);
        var outcomes = root.GetProperty("win_either_way").EnumerateArray().ToList();
        Assert.Contains(outcomes, o => o.GetProperty("outcome").GetString()!.Contains("frontier-lab-a leads", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.GetProperty("outcome").GetString()!.Contains("frontier-lab-b leads", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.GetProperty("cooled").GetBoolean());
        Assert.Equal(1.0, outcomes.Sum(o => o.GetProperty("share").GetDouble()), 9);
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        var a = Terminal.Run("stress", Qm.Example, "--paths", "500", "--seed", "1", "--json");
        var b = Terminal.Run("stress", Qm.Example, "--paths", "500", "--seed", "2", "--json");
        Assert.NotEqual(a.Stdout, b.Stdout);
    }

    [Fact]
    public void Report_writes_one_html_file_with_charts_inlined()
    {
        var folder = Directory.CreateTempSubdirectory("qm-report-cli-");
        try
        {
            var outcome = Terminal.Run("report", Qm.Example, "--out", folder.FullName, "--paths", "2000");
            Assert.Equal(0, outcome.ExitCode);
            var html = File.ReadAllText(Path.Combine(folder.FullName, "report.html"));
            Assert.Contains("echarts", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
            Assert.Single(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Plan_and_audit_work_on_a_generated_book_of_size_L()
    {
        var path = Path.Combine(Path.GetTempPath(), $"qm-L-{Guid.NewGuid():N}.yaml");
        try
        {
            Assert.Equal(0, Terminal.Run("gen", "--sites", "500", "--tenants", "40", "--contracts", "100", "--months", "120", "--shortage", "1.3", "--out", path).ExitCode);
            var plan = Terminal.Run("plan", path, "--json");
            Assert.Equal(0, plan.ExitCode);
            using var json = JsonDocument.Parse(plan.Stdout);
            Assert.Equal(120, json.RootElement.GetProperty("months").GetArrayLength());
            Assert.NotEqual(0, json.RootElement.GetProperty("shortfalls").GetArrayLength());
            Assert.Equal(0, Terminal.Run("audit", path).ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Planning_commands_reject_an_unknown_policy_with_exit_two()
    {
        var outcome = Terminal.Run("plan", Qm.Example, "--policy", "max-mn");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("max-mn", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_reports_the_paired_difference_of_two_books_on_common_random_numbers()
    {
        var dearer = Path.Combine(Path.GetTempPath(), $"qm-dearer-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(dearer, File.ReadAllText(Qm.Example).Replace("price: $555K/MW-month", "price: $575K/MW-month", StringComparison.Ordinal));
        try
        {
            var same = Terminal.Run("stress", Qm.Example, "--compare", Qm.Example, "--paths", "1000", "--json");
            var outcome = Terminal.Run("stress", Qm.Example, "--compare", dearer, "--paths", "1000", "--json");
            Assert.Equal(0, outcome.ExitCode);
            using var itself = JsonDocument.Parse(same.Stdout);
            Assert.Equal(0, itself.RootElement.GetProperty("difference").GetProperty("mean").GetDouble());
            using var json = JsonDocument.Parse(outcome.Stdout);
            var difference = json.RootElement.GetProperty("difference");
            // A higher price on lab B's contract can only add revenue, path by path.
            Assert.True(difference.GetProperty("ci95")[0].GetDouble() > 0);
            Assert.Equal(1.0, difference.GetProperty("p_b_better").GetDouble());
        }
        finally
        {
            File.Delete(dearer);
        }
    }

    [Fact]
    public void Tornado_ranks_inputs_by_their_swing_in_mean_payoff()
    {
        var outcome = Terminal.Run("stress", Qm.Example, "--tornado", "--paths", "500", "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var swings = json.RootElement.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("total").GetProperty("swing").GetDouble()).ToList();
        Assert.True(swings.Count >= 5);
        Assert.Equal(swings.OrderByDescending(s => s), swings);
    }

    [Fact]
    public void Tornado_can_rank_by_chance_of_loss_for_the_operating_book_and_the_total()
    {
        var outcome = Qm.Run("stress", Qm.Example, "--tornado", "--tornado-metric", "p-loss", "--paths", "500", "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal("p-loss", json.RootElement.GetProperty("metric").GetString());
        var bars = json.RootElement.GetProperty("bars").EnumerateArray().ToList();
        Assert.All(bars, b =>
        {
            Assert.InRange(b.GetProperty("operating").GetProperty("low").GetDouble(), 0, 1);
            Assert.InRange(b.GetProperty("total").GetProperty("high").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrEmpty(b.GetProperty("label").GetString()));
        });
        var swings = bars.Select(b => b.GetProperty("total").GetProperty("swing").GetDouble()).ToList();
        Assert.Equal(swings.OrderByDescending(s => s), swings);

        var wrong = Qm.Run("stress", Qm.Example, "--tornado", "--tornado-metric", "median");
        Assert.Equal(2, wrong.ExitCode);
    }
}
