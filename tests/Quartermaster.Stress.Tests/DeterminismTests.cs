namespace Quartermaster.Stress.Tests;

public class DeterminismTests
{
    private static readonly StressInput Input = StressInput.Committed(SmallBooks.Rivals(months: 24, paths: 3000));

    [Fact]
    public void Results_are_bit_identical_for_any_thread_count_and_chunk_size()
    {
        var one = StressEngine.Run(Input, new StressOptions(Threads: 1, ChunkPaths: 256));
        var two = StressEngine.Run(Input, new StressOptions(Threads: 2, ChunkPaths: 700));
        var many = StressEngine.Run(Input, new StressOptions(Threads: 4, ChunkPaths: 1));

        Assert.Equal(one, two);
        Assert.Equal(one, many);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Payoff.Total.MeanUsd), BitConverter.DoubleToInt64Bits(two.Payoff.Total.MeanUsd));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Payoff.Total.Cvar99Usd), BitConverter.DoubleToInt64Bits(many.Payoff.Total.Cvar99Usd));
    }

    [Fact]
    public void A_path_recomputed_alone_matches_the_same_path_in_a_run()
    {
        // A one-path run starting at path 0 has that path's payoff as its mean.
        var run = StressEngine.Run(Input, new StressOptions(Paths: 1));
        var alone = StressEngine.Path(Input, 0);

        Assert.Equal(run.Payoff.Total.MeanUsd, alone.PayoffUsd);
        Assert.Equal(run.MeanRevenueUsd, alone.RevenueUsd);
    }

    [Fact]
    public void A_run_of_payoffs_only_gives_the_payoff_lines_of_the_full_run_bit_for_bit()
    {
        var full = StressEngine.Run(Input, new StressOptions(Threads: 2, ChunkPaths: 700));
        var payoffs = StressEngine.Payoffs(Input, new StressOptions(Threads: 1, ChunkPaths: 256));

        Assert.Equal(full.Payoff, payoffs);
        Assert.Equal(BitConverter.DoubleToInt64Bits(full.Payoff.Total.MeanUsd), BitConverter.DoubleToInt64Bits(payoffs.Total.MeanUsd));
        Assert.Equal(BitConverter.DoubleToInt64Bits(full.Payoff.Stakes.Cvar99Usd), BitConverter.DoubleToInt64Bits(payoffs.Stakes.Cvar99Usd));
        Assert.True(payoffs.Operating.StandardErrorUsd > 0); // a real distribution, not an empty summary
    }

    [Fact]
    public void A_run_of_payoffs_only_keeps_its_two_payoff_lines_and_nothing_a_summary_would_need()
    {
        var run = ScenarioRun.Execute(new StressModel(Input), seed: 7, paths: 600, threads: 2, chunkPaths: 256, pathsDone: null, CancellationToken.None, payoffsOnly: true);

        Assert.Equal(600, run.Operating.Length);
        Assert.Contains(run.Stakes, s => s != 0);
        Assert.Empty(run.Outcomes);
        Assert.Empty(run.Payback);
        Assert.Empty(run.Irr);
        Assert.Throws<InvalidOperationException>(() => run.Fan);
        Assert.Throws<InvalidOperationException>(() => run.Summarise());
        Assert.Equal(StressEngine.Payoffs(Input, new StressOptions(Paths: 600, Seed: 7)), run.PayoffSummaries());
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        var a = StressEngine.Run(Input, new StressOptions(Paths: 500, Seed: 1));
        var b = StressEngine.Run(Input, new StressOptions(Paths: 500, Seed: 2));

        Assert.NotEqual(a.Payoff.Total.MeanUsd, b.Payoff.Total.MeanUsd);
    }

    [Fact]
    public void Progress_reaches_1_and_cancellation_stops_the_run()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        StressEngine.Run(Input, new StressOptions(Paths: 1024, Threads: 1, ChunkPaths: 256), progress);

        Assert.Equal(new[] { 0.25, 0.5, 0.75, 1.0 }, reports);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => StressEngine.Run(Input, null, null, cancelled.Token));
    }

    // Progress<T> posts to the thread pool; this one records in order on the calling thread.
    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
