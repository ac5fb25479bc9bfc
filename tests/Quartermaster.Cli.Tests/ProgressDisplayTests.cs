using Spectre.Console.Testing;

namespace Quartermaster.Cli.Tests;

/// <summary>The progress a person sees on a terminal, drawn on a test console with a fake clock.</summary>
public class ProgressDisplayTests
{
    [Fact]
    public void A_terminal_shows_the_work_with_its_bar_percentage_and_elapsed_time_from_the_clock()
    {
        var terminal = Terminal.Interactive();
        var context = new CliContext(terminal.Out, terminal.Error, terminal.Time);

        var result = ProgressDisplay.Run(context, "qm stress", "simulating futures", progress =>
        {
            terminal.Time.Advance(TimeSpan.FromSeconds(20));
            progress.Report(0.5);
            terminal.Time.Advance(TimeSpan.FromSeconds(22));
            progress.Report(1.0);
            return 42;
        });

        Assert.Equal(42, result);
        var last = terminal.Error.Lines.Last(l => l.Contains("simulating futures", StringComparison.Ordinal));
        Assert.Contains("100%", last, StringComparison.Ordinal);
        Assert.Contains("00:00:42", last, StringComparison.Ordinal);
        Assert.Empty(terminal.Out.Output);
    }

    [Fact]
    public void Reports_arriving_out_of_order_from_worker_threads_never_move_the_bar_back()
    {
        var terminal = Terminal.Interactive();
        var context = new CliContext(terminal.Out, terminal.Error, terminal.Time);
        var shown = new List<double>();

        ProgressDisplay.Run(context, "qm stress", "simulating futures", progress =>
        {
            Parallel.For(0, 1000, i => progress.Report((i % 100) / 100.0));
            progress.Report(0.3);
            return 0;
        });

        var percentages = terminal.Error.Lines.Where(l => l.Contains("simulating futures", StringComparison.Ordinal))
            .Select(l => int.Parse(System.Text.RegularExpressions.Regex.Match(l, @"(\d+)%").Groups[1].Value)).ToList();
        Assert.Equal(percentages.Order(), percentages);
        Assert.Equal(100, percentages[^1]);
    }

    [Fact]
    public void Qm_stress_on_a_terminal_draws_progress_on_stderr_and_keeps_stdout_for_the_tables()
    {
        var terminal = Terminal.Interactive();

        var outcome = terminal.Invoke("stress", Qm.Example, "--paths", "2000");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("simulating futures", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("100%", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("simulating futures", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Win either way", outcome.Stdout, StringComparison.Ordinal);
    }
}
