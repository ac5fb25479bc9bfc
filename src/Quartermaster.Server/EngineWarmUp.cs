using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Stress;

namespace Quartermaster.Server;

/// <summary>
/// Runs the planner, the stress engine and the result's serialisation on a small synthetic book when the server
/// starts, so the first stress run a person asks for is not the one that pays for compiling them.
/// </summary>
/// <remarks>
/// The JIT compiles a method at its first call and recompiles it optimised after about 30 calls, once no new method
/// has been compiled for a moment: a fresh server's first stress run measured 2 to 3 times a warm one (issue 11,
/// docs/benchmarks.md). ReadyToRun was measured and rejected: it evens the runs by making the later ones slower.
/// Two passes with a pause between them let the second pass run the optimised code paths the first one queued.
/// The book is synthetic (nothing stored is read or written) and the passes are small enough to take about a second.
/// <c>/readyz</c> answers 503 until the warm-up ends; a warm-up that fails is logged and counts as done.
/// </remarks>
internal sealed class EngineWarmUp(ServerOptions options, ILogger<EngineWarmUp> log) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the warm-up has ended (or was not asked for).</summary>
    public bool Done => !options.WarmUp || _done.Task.IsCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WarmUp)
        {
            return;
        }
        var started = options.TimeProvider.GetTimestamp();
        try
        {
            var book = SyntheticBooks.Generate(new SyntheticBookOptions(Sites: 8, Tenants: 4, Contracts: 8, Months: 60));
            var runner = new EngineStressRunner(new StressOptions(Paths: 2_000));
            for (var pass = 0; pass < 2; pass++)
            {
                var result = await runner.RunAsync(book, new SynchronousProgress(_ => { }), stoppingToken);
                _ = DocumentJson.Serialize(result);
                await Task.Delay(TimeSpan.FromMilliseconds(200), options.TimeProvider, stoppingToken);
            }
            var seconds = options.TimeProvider.GetElapsedTime(started).TotalSeconds;
            LogMessages.WarmedUp(log, seconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed warm-up costs speed, not correctness: the server serves anyway.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMessages.WarmUpFailed(log, e);
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
