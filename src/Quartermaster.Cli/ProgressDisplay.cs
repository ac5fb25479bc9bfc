using Spectre.Console;

namespace Quartermaster.Cli;

/// <summary>
/// Shows the progress of long work on stderr: a live bar with elapsed time and ETA on a terminal that
/// understands ANSI, otherwise a plain line (percent, elapsed, ETA) at most every <see cref="PlainInterval"/>,
/// so a run logged to a file or a CI job shows it is alive without flooding the log.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Plain progress lines come at most this often.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="work"/>, which reports the fraction done (0 to 1, from any thread, in any order),
    /// and shows it as <paramref name="description"/> of <paramref name="verb"/>.
    /// </summary>
    public static T Run<T>(CliContext context, string verb, string description, Func<IProgress<double>, T> work)
    {
        if (context.LiveProgress)
        {
            return new Progress(context.Error, context.Time)
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask(Markup.Escape(description), maxValue: 1.0);
                    var result = work(new LiveSink(task));
                    task.Value = 1.0;
                    return result;
                });
        }
        var plain = new PlainProgress(context.Stderr, context.Time, $"{verb}: {description}", PlainInterval);
        var done = work(plain);
        plain.Finish();
        return done;
    }

    /// <summary>The progress of one part of the work, which takes <paramref name="share"/> of the whole from <paramref name="start"/> on.</summary>
    public static IProgress<double> Part(IProgress<double> whole, double start, double share) => new PartSink(whole, start, share);

    private sealed class PartSink(IProgress<double> whole, double start, double share) : IProgress<double>
    {
        public void Report(double value) => whole.Report(start + (share * value));
    }

    /// <summary>Feeds a live task; reports may arrive out of order from worker threads, so the bar only moves forward.</summary>
    private sealed class LiveSink(ProgressTask task) : IProgress<double>
    {
        private readonly Lock _lock = new();

        public void Report(double value)
        {
            lock (_lock)
            {
                if (value > task.Value)
                {
                    task.Value = Math.Min(1.0, value);
                }
            }
        }
    }
}
