using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Server;

namespace Quartermaster.Testing;

/// <summary>
/// The real stress engine with a gate in its progress: the run goes until its first progress between 0 and 1, reports
/// it, and holds there until the test opens the gate (or the run is cancelled). So a test sees a running run with
/// partial progress as a state it waits for, however fast or loaded the machine, and decides when the run may end.
/// </summary>
/// <param name="engine">The runner whose progress is gated, normally <see cref="EngineStressRunner"/>.</param>
public sealed class GatedStressRunner(IStressRunner engine) : IStressRunner
{
    /// <summary>How long a held run waits for the gate before it goes on by itself, so a failed test cannot hang the run.</summary>
    public static TimeSpan HoldDeadline { get; } = TimeSpan.FromMinutes(3);

    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<double> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the progress at which the run holds.</summary>
    public Task<double> Held => _held.Task;

    /// <summary>Lets the run go on to its end.</summary>
    public void Open() => _open.TrySetResult();

    /// <inheritdoc/>
    public Task<StressRunResult> RunAsync(Book book, IProgress<double> progress, CancellationToken cancel) =>
        engine.RunAsync(book, new Gate(this, progress, cancel), cancel);

    private sealed class Gate(GatedStressRunner runner, IProgress<double> progress, CancellationToken cancel) : IProgress<double>
    {
        public void Report(double value)
        {
            progress.Report(value);
            if (value is > 0 and < 1 && !runner._open.Task.IsCompleted)
            {
                runner._held.TrySetResult(value);
                try
                {
                    // Blocks the engine's worker: it is the engine's own thread or one pool thread per core.
                    runner._open.Task.Wait(HoldDeadline, cancel);
                }
                catch (OperationCanceledException)
                {
                    // A cancelled run is let go; the engine then stops at its next chunk, as it would unheld.
                }
            }
        }
    }
}
