using System.Diagnostics;
using System.Runtime;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;

namespace Quartermaster.Server;

/// <summary>
/// Runs the stress path (plan, engine, summary document, chart data, JSON) on a small copy of the seed book
/// before <c>/readyz</c> says ready, until the JIT has had little left to compile for a few rounds in a row. Without it a fresh server's
/// first stress run compiles about two thousand methods at tier 0 and runs the engine's loops in that code.
/// </summary>
internal sealed class StressWarmUp(ServerOptions options, ILogger<StressWarmUp> log) : BackgroundService
{
    /// <summary>Paths per warm-up round: a few reduction blocks, so every parallel worker and every merge runs.</summary>
    internal const int Paths = 4 * Stress.StressOptions.BlockPaths;

    /// <summary>Fewer methods compiled in a round than this (the runtime's background tier-up included) is a quiet round.</summary>
    private const int QuietMethods = 8;

    /// <summary>
    /// Quiet rounds in a row that mean warm: one is not enough, since the runtime delays tier-up while it keeps
    /// compiling new methods, so a quiet round can come just before a burst of recompilation.
    /// </summary>
    private const int QuietRounds = 3;

    private const int MaxRounds = 60;

    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the warm-up ended (warm, out of rounds or time, or failed: a failed warm-up never blocks readiness).</summary>
    public bool Done => _done.Task.IsCompleted;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            await WarmAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // The warm-up only saves time: any failure leaves a working, colder server.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMessages.WarmUpFailed(log, e);
        }
        finally
        {
            _done.TrySetResult();
        }
    }, stoppingToken);

    private async Task WarmAsync(CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        var book = WarmUpBook(options.SeedBookPath);
        var methodsAtStart = JitInfo.GetCompiledMethodCount();
        var rounds = 0;
        var quiet = 0;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            var result = await options.StressRunner.RunAsync(book, new SynchronousProgress(_ => { }), cancel);
            _ = DocumentJson.Serialize(result);
            // The runtime recompiles hot methods on a background thread after a short delay: give it time to show.
            await Task.Delay(TimeSpan.FromMilliseconds(150), cancel);
            quiet = JitInfo.GetCompiledMethodCount() - before < QuietMethods ? quiet + 1 : 0;
            rounds++;
        }
        while (quiet < QuietRounds && rounds < MaxRounds && Stopwatch.GetElapsedTime(started) < MaxTime);
        var methods = JitInfo.GetCompiledMethodCount() - methodsAtStart;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogMessages.WarmedUp(log, rounds, methods, seconds);
    }

    /// <summary>The seed book (the books a server is started with look like it), else a small synthetic one; always <see cref="Paths"/> paths.</summary>
    private static Book WarmUpBook(string? seedPath)
    {
        var book = seedPath is not null && BookReader.ReadFile(seedPath).Book is { } seed
            ? seed
            : SyntheticBooks.Generate(new SyntheticBookOptions(Sites: 8, Tenants: 4, Contracts: 8, Months: 36));
        return book with { Scenario = book.Scenario with { Paths = Paths } };
    }
}
