using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>Stress runs as background jobs: start, poll (progress, then results), cancel. Provider side.</summary>
internal static class StressApi
{
    public static RouteGroupBuilder MapStressApi(this RouteGroupBuilder api)
    {
        var stress = api.MapGroup("/").WithTags("Stress runs");
        stress.MapPost("/books/{bookId}/stress-runs", StartRun).WithName("StartStressRun").RequireAuthorization(Principals.Admin)
            .WithSummary("Start a stress run of the latest version in the background (admin); poll its Location.");
        stress.MapGet("/stress-runs/{runId}", GetRun).WithName("GetStressRun").RequireAuthorization(Principals.Provider)
            .WithSummary("A stress run: status, progress, and the result once it has succeeded.");
        stress.MapPost("/stress-runs/{runId}/cancel", CancelRun).WithName("CancelStressRun").RequireAuthorization(Principals.Admin)
            .WithSummary("Ask a running stress run to stop (admin).");
        return api;
    }

    private static async Task<Results<Accepted<StressRunView>, ProblemHttpResult>> StartRun(
        string bookId, ClaimsPrincipal user, IBookStore store, StressJobs jobs, CancellationToken cancel)
    {
        var scope = user.Scope();
        if (await store.GetBookAsync(scope, bookId, cancel: cancel) is not { } stored)
        {
            return Problems.NotFound();
        }
        var run = await store.CreateStressRunAsync(scope, bookId, stored.Version.Version, jobs.NewLease(), cancel);
        jobs.Start(run, stored);
        return TypedResults.Accepted($"/api/v1/stress-runs/{run.RunId}", StressRunView.Of(run));
    }

    private static async Task<Results<Ok<StressRunView>, ProblemHttpResult>> GetRun(string runId, ClaimsPrincipal user, IBookStore store, StressJobs jobs, CancellationToken cancel) =>
        await store.GetStressRunAsync(user.Scope(), runId, cancel) is { } run
            ? TypedResults.Ok(StressRunView.Of(run, run.Status is StressRunStatus.Running or StressRunStatus.Queued ? jobs.Progress(runId) : null))
            : Problems.NotFound();

    private static async Task<Results<Accepted<StressRunView>, ProblemHttpResult>> CancelRun(string runId, ClaimsPrincipal user, IBookStore store, StressJobs jobs, CancellationToken cancel)
    {
        var scope = user.Scope();
        if (await store.GetStressRunAsync(scope, runId, cancel) is not { } run)
        {
            return Problems.NotFound();
        }
        // In a cluster the coordinator may be another instance: it sees the stored request within a lease interval.
        if (run.Status is not (StressRunStatus.Queued or StressRunStatus.Running) || !(jobs.Cancel(runId) || jobs.IsClustered))
        {
            return Problems.Conflict($"the run is {run.Status.ToString().ToLowerInvariant()}, not running here");
        }
        await store.RecordStressRunCancelAsync(scope, run, cancel);
        return TypedResults.Accepted($"/api/v1/stress-runs/{runId}", StressRunView.Of(run, jobs.Progress(runId)));
    }
}
