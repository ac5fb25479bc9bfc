using System.Collections.Concurrent;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>
/// Runs stress runs in the background: each run's state is in the store (so any instance can report a
/// finished run), its live progress and cancellation here. Stopping the server cancels what is running.
/// </summary>
internal sealed class StressJobs(IBookStore store, ServerOptions options, ILogger<StressJobs> log) : IHostedService
{
    private readonly ConcurrentDictionary<string, Job> _running = new();

    private sealed class Job(CancellationTokenSource cancel)
    {
        public CancellationTokenSource Cancel { get; } = cancel;

        public double Progress { get; set; }

        public Task Work { get; set; } = Task.CompletedTask;
    }

    /// <summary>Starts <paramref name="run"/> of <paramref name="book"/> in the background.</summary>
    public void Start(StressRunRecord run, Book book)
    {
        var job = new Job(new CancellationTokenSource());
        _running[run.RunId] = job;
        job.Work = Task.Run(() => RunAsync(run, book, job));
    }

    /// <summary>Live progress of a run this instance is running, or null.</summary>
    public double? Progress(string runId) => _running.TryGetValue(runId, out var job) ? job.Progress : null;

    /// <summary>Asks a running job to stop; false when this instance is not running it.</summary>
    public bool Cancel(string runId)
    {
        if (!_running.TryGetValue(runId, out var job))
        {
            return false;
        }
        job.Cancel.Cancel();
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var job in _running.Values)
        {
            await job.Cancel.CancelAsync();
        }
        await Task.WhenAll(_running.Values.Select(j => j.Work)).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunAsync(StressRunRecord run, Book book, Job job)
    {
        var scope = AccessScope.System;
        using var stopSaving = new CancellationTokenSource();
        var saving = Task.CompletedTask;
        var started = options.TimeProvider.GetTimestamp();
        try
        {
            run = run with { Status = StressRunStatus.Running };
            await store.UpdateStressRunAsync(scope, run);
            LogMessages.StressRunStarted(log, run.RunId, run.BookId, run.BookVersion);
            saving = SaveProgressAsync(run, job, stopSaving.Token);
            var result = await options.StressRunner.RunAsync(book, new SynchronousProgress(p => job.Progress = p), job.Cancel.Token);
            run = run with { Status = StressRunStatus.Succeeded, Progress = 1, ResultJson = DocumentJson.Serialize(result) };
        }
        catch (OperationCanceledException)
        {
            run = run with { Status = StressRunStatus.Cancelled, Progress = job.Progress };
        }
#pragma warning disable CA1031 // A failing engine must end as a failed run, whatever it threw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMessages.StressRunFailed(log, e, run.RunId);
            run = run with { Status = StressRunStatus.Failed, Progress = job.Progress, Error = e.Message };
        }
        try
        {
            // The progress writer stops first, so it can never overwrite the final state.
            await stopSaving.CancelAsync();
            await saving;
            await store.UpdateStressRunAsync(scope, run);
            var seconds = options.TimeProvider.GetElapsedTime(started).TotalSeconds;
            LogMessages.StressRunFinished(log, run.RunId, run.Status, seconds, run.Progress);
        }
        finally
        {
            _running.TryRemove(run.RunId, out _);
            job.Cancel.Dispose();
        }
    }

    /// <summary>
    /// Stores the live progress every <see cref="ServerOptions.ProgressSaveInterval"/> on the server's clock, so every
    /// server instance sharing the database can report it.
    /// </summary>
    private async Task SaveProgressAsync(StressRunRecord run, Job job, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.ProgressSaveInterval, options.TimeProvider);
        var saved = 0.0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (job.Progress > saved)
                {
                    saved = job.Progress;
                    await store.UpdateStressRunAsync(AccessScope.System, run with { Progress = saved }, stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the run is over and its final state is about to be stored.
        }
    }
}
