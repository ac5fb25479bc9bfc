using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>The API behind the dashboard: who is calling, the provider's overview of a book, a tenant's fill by month.</summary>
internal static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithName("GetMe").RequireAuthorization(Principals.Anyone).WithTags("Dashboard")
            .WithSummary("The role of your key, and the tenant it reads for.");
        api.MapGet("/books/{bookId}/dashboard", Overview).WithName("GetDashboard").RequireAuthorization(Principals.Provider).WithTags("Dashboard")
            .WithSummary("Capacity committed against online, fill ratios and idle capacity of the latest plan (provider side).");
        api.MapGet("/deals", Deals).WithName("ListDeals").RequireAuthorization(Principals.Provider).WithTags("Dashboard")
            .WithSummary("Public deals across the market: cumulative GW by provider, and the market map (provider side; empty when the server has no deals file).");
        api.MapGet("/books/{bookId}/tenants/{tenantId}/fill", Fill).WithName("GetTenantFill").RequireAuthorization(Principals.Anyone).WithTags("Tenant data")
            .WithSummary("A tenant's committed and allocated MW per month under the latest plan.");
        return api;
    }

    private static Ok<Caller> Me(ClaimsPrincipal user)
    {
        var scope = user.Scope();
        return TypedResults.Ok(new Caller(scope.Actor, RoleNames.ToName(scope.Role), scope.TenantId));
    }

    private static Ok<DealsChartData> Deals(ServerOptions options) =>
        TypedResults.Ok(DealsChartData.Of(options.Deals ?? Watch.DealsOverview.Of([], [Watch.LabRivalryGroup.FrontierLabs])));

    private static async Task<Results<Ok<DashboardView>, ProblemHttpResult>> Overview(
        string bookId, ClaimsPrincipal user, IBookStore store, WhyShortCache explained, CancellationToken cancel)
    {
        var scope = user.Scope();
        if (await store.GetBookAsync(scope, bookId, cancel: cancel) is not { } stored)
        {
            return Problems.NotFound();
        }
        var book = stored.Book;
        PlanChartData? plan = null;
        IReadOnlyList<WhyShortRow> whyShort = [];
        var latest = await store.LatestPlanAsync(scope, bookId, cancel);
        if (latest is not null && latest.BookVersion == stored.Version.Version)
        {
            // Provider reads of tenant rows: the store audits them.
            var fills = await store.ListFillsAsync(scope, latest.PlanId, null, cancel);
            var allocations = await store.ListAllocationsAsync(scope, latest.PlanId, null, null, cancel);
            if (!AllocationPolicyNames.TryParse(latest.Policy, out var policy))
            {
                throw new InvalidOperationException($"plan {latest.PlanId} names an unknown policy '{latest.Policy}'");
            }
            plan = PlanChartData.Of(book, policy, fills, allocations);
            whyShort = explained.Rows(book, stored.Version.Version, policy);
        }
        return TypedResults.Ok(new DashboardView(bookId, stored.Version.Version, plan is null ? null : latest!.PlanId,
            TenantLegend.Of(book), CapacityData.Of(book), plan, whyShort));
    }

    private static async Task<Results<Ok<TenantFill>, ProblemHttpResult>> Fill(string bookId, string tenantId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var scope = user.Scope();
        if (await store.LatestPlanAsync(scope, bookId, cancel) is not { } plan
            || await store.GetTenantAsync(scope, bookId, plan.BookVersion, tenantId, cancel) is null)
        {
            return Problems.NotFound();
        }
        var byMonth = (await store.ListFillsAsync(scope, plan.PlanId, tenantId, cancel))
            .GroupBy(f => f.Month).OrderBy(g => g.Key).ToList();
        return TypedResults.Ok(new TenantFill(bookId, plan.PlanId, tenantId, [.. byMonth.Select(g => g.Key.ToString())],
            [.. byMonth.Select(g => g.Sum(f => f.CommittedMw))], [.. byMonth.Select(g => g.Sum(f => f.AllocatedMw))]));
    }
}
