using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Quartermaster.Cli.Tests;

/// <summary>Progress where no terminal is attached: plain lines on stderr, at most every few seconds, read on a fake clock.</summary>
public sealed partial class PlainProgressTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly StringWriter _log = new();

    public void Dispose() => _log.Dispose();

    [GeneratedRegex(@"^qm stress: (?<what>[a-z ]+) (?<percent>\d+)%, \d+:\d\d elapsed, about \d+:\d\d left$")]
    private static partial Regex ProgressLine();

    [Fact]
    public void A_line_gives_percent_elapsed_and_time_left_at_most_every_five_seconds()
    {
        var progress = new PlainProgress(_log, _time, "qm stress: simulating futures", TimeSpan.FromSeconds(5));

        At(2, 0.10);
        At(5, 0.25);
        At(7, 0.30);
        At(10, 0.50);
        _time.Advance(TimeSpan.FromSeconds(2));
        progress.Finish();

        Assert.Equal(
            """
            qm stress: simulating futures 25%, 0:05 elapsed, about 0:15 left
            qm stress: simulating futures 50%, 0:10 elapsed, about 0:10 left
            qm stress: simulating futures done in 0:12

            """.ReplaceLineEndings("\n"), _log.ToString().ReplaceLineEndings("\n"));

        void At(int second, double fraction)
        {
            _time.SetUtcNow(_time.Start + TimeSpan.FromSeconds(second));
            progress.Report(fraction);
        }
    }

    [Fact]
    public void Work_shorter_than_the_interval_prints_nothing()
    {
        var progress = new PlainProgress(_log, _time, "qm stress: simulating futures", TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(4));
        progress.Report(1.0);
        progress.Finish();

        Assert.Empty(_log.ToString());
    }

    [Fact]
    public void A_late_report_of_less_work_never_moves_the_percentage_back()
    {
        var progress = new PlainProgress(_log, _time, "qm stress: simulating futures", TimeSpan.FromSeconds(5));
        progress.Report(0.6);
        _time.Advance(TimeSpan.FromSeconds(5));
        progress.Report(0.4);

        Assert.StartsWith("qm stress: simulating futures 60%, 0:05 elapsed", _log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59.6, "1:00")]
    [InlineData(3725, "1:02:05")]
    [InlineData(double.PositiveInfinity, "99:00:00")]
    [InlineData(double.NaN, "0:00")]
    public void Durations_read_as_minutes_and_seconds_or_hours(double seconds, string shown)
    {
        Assert.Equal(shown, PlainProgress.Clock(seconds));
    }

    [Fact]
    public void Qm_stress_with_stderr_in_a_log_prints_progress_lines_and_keeps_stdout_pure_json()
    {
        var terminal = new Terminal();
        // Every reading of the clock moves it a second on: a run that reports progress 40 times "takes" 40 s.
        terminal.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);

        var outcome = terminal.Invoke("stress", Qm.Example, "--paths", "10000", "--threads", "1", "--json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 4, outcome.Stderr);
        Assert.All(lines[..^1], line => Assert.Matches(ProgressLine(), line));
        Assert.Matches(@"^qm stress: simulating futures done in \d+:\d\d$", lines[^1]);
    }

    [Fact]
    public void A_tornado_reports_progress_in_small_steps_up_to_the_end()
    {
        var terminal = new Terminal();
        terminal.Time.AutoAdvanceAmount = TimeSpan.FromSeconds(1);

        var outcome = terminal.Invoke("stress", Qm.Example, "--tornado", "--paths", "2000", "--threads", "1");

        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var percents = lines[..^1].Select(l => int.Parse(ProgressLine().Match(l).Groups["percent"].Value)).ToList();
        // 23 runs of the model, each reported chunk by chunk: no line jumps more than 5 points, the last is past 95%.
        Assert.True(percents.Count >= 15, outcome.Stderr);
        Assert.All(percents.Zip(percents.Skip(1)), step => Assert.InRange(step.Second - step.First, 0, 5));
        Assert.InRange(percents[^1], 95, 100);
        Assert.StartsWith("qm stress: varying each input done in ", lines[^1], StringComparison.Ordinal);
    }
}
