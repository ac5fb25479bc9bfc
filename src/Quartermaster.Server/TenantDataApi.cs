using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>
/// Tenant data: tenants, contracts, allocations by month and the SLA report. Open to every role; the
/// store scopes each query to the caller, so a tenant sees only its own rows, and a rival's id or a book the
/// tenant is not in answers the same 404 as a made-up one. These endpoints never compare tenant ids themselves: isolation
/// lives in one place, the store (and, in PostgreSQL, row-level security behind it).
/// </summary>
internal static class TenantDataApi
{
    public static RouteGroupBuilder MapTenantDataApi(this RouteGroupBuilder api)
    {
        var books = api.MapGroup("/books/{bookId}").WithTags("Tenant data").RequireAuthorization(Principals.Anyone);
        books.MapGet("/tenants", ListTenants).WithName("ListTenants").WithSummary("Tenants of the latest version that you may see.");
        books.MapGet("/tenants/{tenantId}", GetTenant).WithName("GetTenant").WithSummary("One tenant.");
        books.MapGet("/tenants/{tenantId}/contracts", ListTenantContracts).WithName("ListTenantContracts").WithSummary("A tenant's contracts.");
        books.MapGet("/tenants/{tenantId}/allocations", ListAllocations).WithName("ListTenantAllocations")
            .WithSummary("A tenant's allocations by month from the latest plan; ?month=YYYY-MM for one month.");
        books.MapGet("/tenants/{tenantId}/sla", GetSla).WithName("GetTenantSla").WithSummary("Committed against allocated MW per contract, and the months that fell short.");
        books.MapGet("/contracts", ListContracts).WithName("ListContracts").WithSummary("Contracts of the latest version that you may see.");
        books.MapGet("/contracts/{contractId}", GetContract).WithName("GetContract").WithSummary("One contract.");
        books.MapPut("/contracts/{contractId}", PutContract).WithName("PutContract").RequireAuthorization(Principals.Admin)
            .Accepts<ContractView>("application/json")
            .WithSummary("Add or replace a contract; stores a new version of the book (admin).");
        return api;
    }

    /// <summary>The latest version number of a book, or null when there is none or the caller is a tenant not in it.</summary>
    private static Task<int?> LatestVersionAsync(IBookStore store, AccessScope scope, string bookId, CancellationToken cancel) =>
        store.LatestVersionAsync(scope, bookId, cancel);

    private static async Task<Results<Ok<IReadOnlyList<TenantView>>, ProblemHttpResult>> ListTenants(string bookId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var scope = user.Scope();
        return await LatestVersionAsync(store, scope, bookId, cancel) is { } version
            ? TypedResults.Ok(await store.ListTenantsAsync(scope, bookId, version, cancel))
            : Problems.NotFound();
    }

    private static async Task<Results<Ok<TenantView>, ProblemHttpResult>> GetTenant(string bookId, string tenantId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var scope = user.Scope();
        return await LatestVersionAsync(store, scope, bookId, cancel) is { } version
            && await store.GetTenantAsync(scope, bookId, version, tenantId, cancel) is { } tenant
            ? TypedResults.Ok(tenant)
            : Problems.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<ContractView>>, ProblemHttpResult>> ListTenantContracts(string bookId, string tenantId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var scope = user.Scope();
        if (await LatestVersionAsync(store, scope, bookId, cancel) is not { } version
            || await store.GetTenantAsync(scope, bookId, version, tenantId, cancel) is null)
        {
            return Problems.NotFound();
        }
        return TypedResults.Ok(await store.ListContractsAsync(scope, bookId, version, tenantId, cancel));
    }

    private static async Task<Results<Ok<IReadOnlyList<ContractView>>, ProblemHttpResult>> ListContracts(string bookId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var scope = user.Scope();
        return await LatestVersionAsync(store, scope, bookId, cancel) is { } version
            ? TypedResults.Ok(await store.ListContractsAsync(scope, bookId, version, null, cancel))
            : Problems.NotFound();
    }

    private static async Task<Results<Ok<ContractView>, ProblemHttpResult>> GetContract(string bookId, string contractId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var scope = user.Scope();
        return await LatestVersionAsync(store, scope, bookId, cancel) is { } version
            && await store.GetContractAsync(scope, bookId, version, contractId, cancel) is { } contract
            ? TypedResults.Ok(contract)
            : Problems.NotFound();
    }

    private static async Task<Results<JsonBytes<TenantAllocations>, ProblemHttpResult>> ListAllocations(
        string bookId, string tenantId, string? month, ClaimsPrincipal user, IBookStore store, TenantReadCache cache, CancellationToken cancel)
    {
        var scope = user.Scope();
        Month? parsed = null;
        if (month is not null)
        {
            if (!Month.TryParse(month, out var valid))
            {
                return Problems.BadRequest($"month '{month}' is not a month like 2026-06");
            }
            parsed = valid;
        }
        if (await cache.LatestPlanAsync(store, scope, bookId, cancel) is not { } plan)
        {
            return Problems.NotFound();
        }
        var allocations = await cache.ReadAsync(scope, plan, tenantId, month, async () =>
        {
            if (await store.GetTenantAsync(scope, bookId, plan.BookVersion, tenantId, cancel) is null)
            {
                return null;
            }
            var rows = await store.ListAllocationsAsync(scope, plan.PlanId, tenantId, parsed, cancel);
            var months = rows.GroupBy(r => r.Month).Select(g => new MonthAllocations(g.Key, g.Sum(r => r.Mw), [.. g])).ToList();
            return new TenantAllocations(bookId, plan.PlanId, tenantId, months);
        });
        return allocations is null ? Problems.NotFound() : allocations;
    }

    private static async Task<Results<JsonBytes<SlaReport>, ProblemHttpResult>> GetSla(
        string bookId, string tenantId, ClaimsPrincipal user, IBookStore store, TenantReadCache cache, CancellationToken cancel)
    {
        var scope = user.Scope();
        if (await cache.LatestPlanAsync(store, scope, bookId, cancel) is not { } plan)
        {
            return Problems.NotFound();
        }
        var report = await cache.ReadAsync(scope, plan, tenantId, null, async () =>
            await store.GetTenantAsync(scope, bookId, plan.BookVersion, tenantId, cancel) is null
                ? null
                : SlaReport.Of(bookId, plan.PlanId, plan.Policy, tenantId, await store.ListFillsAsync(scope, plan.PlanId, tenantId, cancel)));
        return report is null ? Problems.NotFound() : report;
    }

    private static async Task<Results<Ok<BookVersion>, ProblemHttpResult>> PutContract(
        string bookId, string contractId, HttpRequest request, ClaimsPrincipal user, IBookStore store, ILogger<BookVersion> log, CancellationToken cancel)
    {
        var scope = user.Scope();
        var (view, problem) = await RequestBodies.ReadJsonAsync<ContractView>(request);
        if (problem is not null)
        {
            return problem;
        }
        var (contract, wrong) = ContractInput.ToContract(view!, contractId);
        if (contract is null)
        {
            return Problems.BadRequest(wrong!);
        }
        // Optimistic concurrency: if another write stored a version meanwhile, apply the change to that one.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await store.GetBookAsync(scope, bookId, cancel: cancel) is not { } stored)
            {
                return Problems.NotFound();
            }
            var contracts = stored.Book.Contracts.Where(c => c.Id != contractId).Append(contract).ToValueList();
            // Written and read back through the book format, so the new version passes every book check.
            var yaml = BookWriter.Write(stored.Book with { Contracts = contracts });
            var read = BookReader.ReadText(yaml, "contract");
            if (read.Book is null)
            {
                return Problems.BadRequest("the contract makes the book invalid: " + string.Join("; ", read.Errors.Select(e => e.Message)));
            }
            if (await store.SaveBookAsync(scope, read.Book, yaml, stored.Version.Version, cancel) is { } saved)
            {
                LogMessages.BookVersionStored(log, saved.BookId, saved.Version, saved.CreatedBy);
                return TypedResults.Ok(saved);
            }
        }
        return Problems.Conflict("the book changed too often while this contract was being stored; try again");
    }
}
