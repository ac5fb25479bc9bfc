using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>Plans: run the planner on a book's latest version and store the result; read it back (provider side).</summary>
internal static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/books/{bookId}/plans").WithTags("Plans");
        plans.MapPost("/", RunPlan).WithName("RunPlan").RequireAuthorization(Principals.Admin).Accepts<PlanRequest>("application/json")
            .WithSummary("Plan the latest version under a policy and store the plan (admin). Body optional.");
        plans.MapGet("/{planId}", GetPlan).WithName("GetPlan").RequireAuthorization(Principals.Provider)
            .WithSummary("A stored plan with every contract's committed and allocated MW per month (audited).");
        return api;
    }

    private static async Task<Results<Created<PlanSummary>, ProblemHttpResult>> RunPlan(
        string bookId, HttpRequest request, ClaimsPrincipal user, IBookStore store, ServerOptions options, TenantReadCache cache, ILogger<PlanSummary> log, CancellationToken cancel)
    {
        var scope = user.Scope();
        PlanRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            (body, var problem) = await RequestBodies.ReadJsonAsync<PlanRequest>(request);
            if (problem is not null)
            {
                return problem;
            }
        }
        // The whole request is checked before the book is read: a refused request leaves no audited read behind.
        AllocationPolicy? asked = null;
        if (body?.Policy is { } name)
        {
            if (!AllocationPolicyNames.TryParse(name, out var named))
            {
                return Problems.BadRequest($"unknown policy {Books.Ids.Quote(name)}; expected one of {string.Join(", ", AllocationPolicyNames.All)}");
            }
            asked = named;
        }
        if (await store.GetBookAsync(scope, bookId, cancel: cancel) is not { } stored)
        {
            return Problems.NotFound();
        }
        var policy = asked ?? stored.Book.Scenario.Policy;
        var planning = options.TimeProvider.GetTimestamp();
        var plan = options.Planner.Plan(stored.Book, policy);
        var summary = await store.SavePlanAsync(scope, bookId, stored.Version.Version, policy.ToName(), options.Planner.Name, plan.Fills, plan.Allocations, cancel);
        var milliseconds = (long)options.TimeProvider.GetElapsedTime(planning).TotalMilliseconds;
        LogMessages.PlanStored(log, summary.PlanId, bookId, summary.BookVersion, scope.Actor, summary.Policy, summary.Planner, milliseconds);
        cache.PlanStored(bookId);
        return TypedResults.Created($"/api/v1/books/{bookId}/plans/{summary.PlanId}", summary);
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlan(string bookId, string planId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var scope = user.Scope();
        if (await store.GetPlanAsync(scope, bookId, planId, cancel) is not { } plan)
        {
            return Problems.NotFound();
        }
        return TypedResults.Ok(new PlanView(plan, await store.ListFillsAsync(scope, planId, null, cancel)));
    }
}
