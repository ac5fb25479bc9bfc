using System.Collections.Concurrent;
using Quartermaster.Cluster;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>
/// Runs stress runs in the background: each run's state is in the store (so any instance can report a
/// finished run), its live progress and cancellation here. Stopping the server cancels what is running.
/// Each run is held under a lease by the instance running it, from the moment it is created; an instance takes over the
/// runs whose lease lapsed (their instance died, or this one was killed and restarted) and runs them again. In a
/// cluster (<paramref name="coordinator"/> set) a run is computed in chunks on every silo and a take-over resumes from
/// the chunks stored; without one it starts over, and gives the same result, since a run is a pure function of its book.
/// </summary>
internal sealed class StressJobs(IBookStore store, ServerOptions options, ILogger<StressJobs> log, ClusterStressCoordinator? coordinator = null) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, Job> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _adopting = Task.CompletedTask;

    /// <summary>The name this instance holds run leases under: the cluster coordinator's, else host, process and a random part.</summary>
    private readonly string _holder = coordinator?.Name ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan LeaseDuration => options.Cluster?.LeaseDuration ?? options.StressRunLease;

    /// <summary>A lease for a run this instance is about to create and start.</summary>
    public StressRunLease NewLease() => new(_holder, options.TimeProvider.GetUtcNow() + LeaseDuration);

    /// <summary>Whether runs are spread over a cluster, so a run may be coordinated by another instance.</summary>
    public bool IsClustered => coordinator is not null;

    private sealed class Job(CancellationTokenSource cancel)
    {
        public CancellationTokenSource Cancel { get; } = cancel;

        public double Progress { get; set; }

        public Task Work { get; set; } = Task.CompletedTask;

        /// <summary>Another instance took the run over (this one was thought dead): stop without storing an end.</summary>
        public volatile bool LeaseLost;

        /// <summary>
        /// Asks the job to stop. A job that ended meanwhile has disposed its source (it leaves the running set just
        /// before), and there is nothing left to stop.
        /// </summary>
        public async Task StopAsync()
        {
            try
            {
                await Cancel.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // Ended between being looked up and being stopped.
            }
        }
    }

    /// <summary>Starts <paramref name="run"/> of <paramref name="book"/> in the background.</summary>
    public void Start(StressRunRecord run, StoredBook book)
    {
        var job = new Job(new CancellationTokenSource());
        if (!_running.TryAdd(run.RunId, job))
        {
            job.Cancel.Dispose();
            return;
        }
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
        _ = job.StopAsync();
        return true;
    }

    public void Dispose() => _stopping.Dispose();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _adopting = AdoptOrphansAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _adopting;
        foreach (var job in _running.Values)
        {
            await job.StopAsync();
        }
        await Task.WhenAll(_running.Values.Select(j => j.Work)).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunAsync(StressRunRecord run, StoredBook book, Job job)
    {
        var scope = AccessScope.System;
        using var stopSaving = new CancellationTokenSource();
        var saving = Task.CompletedTask;
        var started = options.TimeProvider.GetTimestamp();
        try
        {
            if (!await ClaimAsync(run.RunId))
            {
                // Another instance coordinates it (it took the run over first).
                _running.TryRemove(run.RunId, out _);
                job.Cancel.Dispose();
                return;
            }
            run = run with { Status = StressRunStatus.Running };
            await store.UpdateStressRunAsync(scope, run);
            LogMessages.StressRunStarted(log, run.RunId, run.BookId, run.BookVersion);
            saving = SaveProgressAsync(run, job, stopSaving.Token);
            var progress = new SynchronousProgress(p => job.Progress = p);
            var result = coordinator is null
                ? await options.StressRunner.RunAsync(book.Book, progress, job.Cancel.Token)
                : (await coordinator.RunAsync(run.RunId, book.Yaml, null, progress, job.Cancel.Token)).Result;
            run = run with { Status = StressRunStatus.Succeeded, Progress = 1, ResultJson = DocumentJson.Serialize(result) };
        }
        catch (Exception e) when (e is LeaseLostException || (e is OperationCanceledException && job.LeaseLost))
        {
            LogMessages.StressRunLeaseLost(log, run.RunId);
            // Another instance took the run over and will store its end: this one stops without a word to the store.
            await stopSaving.CancelAsync();
            await saving;
            _running.TryRemove(run.RunId, out _);
            job.Cancel.Dispose();
            return;
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
        // A cluster's coordinator keeps its own lease; alone, this instance keeps it here.
        var lease = coordinator is null ? new StressRunLeaseKeeper(store, run.RunId, _holder, LeaseDuration, options.TimeProvider) : null;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (lease is not null && !await lease.RenewIfDueAsync(stop))
                    {
                        job.LeaseLost = true;
                        await job.StopAsync();
                        return;
                    }
                    var progress = job.Progress;
                    if (progress > saved)
                    {
                        await store.UpdateStressRunAsync(AccessScope.System, run with { Progress = progress }, stop);
                        saved = progress;
                    }
                }
                catch (System.Data.Common.DbException e)
                {
                    // The run goes on; a lease not renewed for a whole lease may be taken over, which the next renewal notices.
                    LogMessages.StressRunProgressNotSaved(log, e, run.RunId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the run is over and its final state is about to be stored.
        }
    }

    private Task<bool> ClaimAsync(string runId)
    {
        var now = options.TimeProvider.GetUtcNow();
        return store.ClaimStressRunAsync(AccessScope.System, runId, _holder, now, now + LeaseDuration);
    }

    /// <summary>
    /// Every half lease, takes over the runs whose lease lapsed (their instance died): claims each by compare-and-swap,
    /// so of several instances exactly one runs it (in a cluster, from the chunks stored so far).
    /// </summary>
    private async Task AdoptOrphansAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(LeaseDuration / 2, options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    foreach (var run in await store.ListOrphanedStressRunsAsync(AccessScope.System, options.TimeProvider.GetUtcNow(), stop))
                    {
                        if (_running.ContainsKey(run.RunId) || !await ClaimAsync(run.RunId)
                            || await store.GetBookAsync(AccessScope.System, run.BookId, run.BookVersion, cancel: stop) is not { } book)
                        {
                            continue;
                        }
                        LogMessages.StressRunTakenOver(log, run.RunId, run.BookId, run.BookVersion);
                        Start(run, book);
                    }
                }
                catch (System.Data.Common.DbException e)
                {
                    // The database is away for a moment: try again at the next tick.
                    LogMessages.StressRunAdoptionFailed(log, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }
}
