using System.Text.Json;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// The real <c>qm</c> program in a child process: what only a process shows (exit codes through <c>Main</c>,
/// stdout and stderr as separate pipes, files found relative to the working directory). Everything else runs in-process.
/// </summary>
public class EndToEndTests
{
    [Fact]
    public void Help_starts_from_the_report_and_exits_zero()
    {
        var outcome = Qm.Run("--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("qm report examples/neutral-cloud-2026.yaml --out out/", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_exits_two_with_the_message_on_stderr_only()
    {
        var outcome = Qm.Run("valdate", Qm.Example);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("did you mean 'validate'?", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(outcome.Stdout);
    }

    [Fact]
    public void Stress_json_on_a_pipe_is_pure_json_whatever_goes_to_stderr()
    {
        var outcome = Qm.Run("stress", Qm.Example, "--paths", "500", "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(500, json.RootElement.GetProperty("paths").GetInt32());
    }

    [Fact]
    public void The_shipped_alert_rules_fire_on_the_shipped_deals_found_in_the_working_directory()
    {
        var outcome = Qm.Run("deals", "alerts", "--rules", "data/deal-alerts.yaml");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("one lab dominates a provider", outcome.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stress")]
    [InlineData("plan")]
    public void Bench_verbs_print_their_help_instead_of_starting_a_benchmark(string verb)
    {
        // A started benchmark runs for minutes: the deadline is what fails this test if help is ignored.
        var outcome = Qm.Bench(TimeSpan.FromSeconds(60), verb, "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith($"usage: qm bench {verb} [", outcome.Stdout, StringComparison.Ordinal);
        Assert.Empty(outcome.Stderr);
    }
}
