using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartermaster.Analysis;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>What changed between two stored versions of a book, and its effect on the plan: <c>qm diff</c>'s document (provider side).</summary>
internal static class VersionDiffApi
{
    public static RouteGroupBuilder MapVersionDiffApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/books").WithTags("Books")
            .MapGet("/{bookId}/versions/{a:int}/diff/{b:int}", Diff).WithName("DiffBookVersions").RequireAuthorization(Principals.Provider)
            .WithSummary("What changed from version a to version b, entity by entity, and its effect on the plan (audited); as qm diff --json.")
            .WithDescription("Both versions are planned under `policy` when given, else each under its own scenario's policy. "
                + "`risk` is always null here: a stress of both versions belongs in a stress run, not in a request.");
        return api;
    }

    private static async Task<Results<Ok<DiffDocument>, ProblemHttpResult>> Diff(
        string bookId, int a, int b, string? policy, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        AllocationPolicy? chosen = null;
        if (policy is not null)
        {
            if (!AllocationPolicyNames.TryParse(policy, out var parsed))
            {
                return Problems.BadRequest($"unknown policy '{policy}'; expected one of: {string.Join(", ", AllocationPolicyNames.All)}");
            }
            chosen = parsed;
        }
        // Each version holds every tenant's contracts: the store audits both reads (book.read of that version) with the read.
        var scope = user.Scope();
        if (await store.GetBookAsync(scope, bookId, a, cancel: cancel) is not { } older
            || await store.GetBookAsync(scope, bookId, b, cancel: cancel) is not { } newer)
        {
            return Problems.NotFound();
        }
        try
        {
            var diff = BookDiff.Of(older.Book, newer.Book, chosen, cancellationToken: cancel);
            return TypedResults.Ok(DiffDocument.Of(diff, $"version {older.Version.Version}", $"version {newer.Version.Version}"));
        }
        catch (Planning.PlanningException e)
        {
            return Problems.BadRequest($"a version cannot be planned: {e.Message}");
        }
    }
}
