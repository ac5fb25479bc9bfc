using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>A book version with the size of its book.</summary>
/// <param name="Version">The version.</param>
/// <param name="HorizonStart">First month planned.</param>
/// <param name="HorizonEnd">Last month planned.</param>
/// <param name="Sites">Number of sites.</param>
/// <param name="Tenants">Number of tenants.</param>
/// <param name="Contracts">Number of contracts.</param>
/// <param name="Investments">Number of investments.</param>
public sealed record BookOverview(BookVersion Version, string HorizonStart, string HorizonEnd, int Sites, int Tenants, int Contracts, int Investments);

/// <summary>A site: region, halls, chip pools and its online schedule.</summary>
/// <param name="Id">Site id.</param>
/// <param name="Region">Region.</param>
/// <param name="Halls">Number of halls.</param>
/// <param name="CapexPerMwUsd">Capital cost per MW, US dollars.</param>
/// <param name="OpexPerMwMonthUsd">Operating cost per MW-month, US dollars.</param>
/// <param name="ChipPools">Chip type to share of online MW.</param>
/// <param name="Online">MW online from each month on.</param>
public sealed record SiteView(string Id, string Region, int Halls, double CapexPerMwUsd, double OpexPerMwMonthUsd,
    IReadOnlyDictionary<string, double> ChipPools, IReadOnlyList<RampStep> Online)
{
    /// <summary>The view of <paramref name="site"/>.</summary>
    public static SiteView Of(Site site) => new(site.Id, site.Region, site.Halls, site.CapexPerMwUsd, site.OpexPerMwMonthUsd,
        site.ChipPools.ToDictionary(p => p.Chip, p => p.ShareFraction), [.. site.Online.Select(s => new RampStep(s.From.ToString(), s.Mw))]);
}

/// <summary>An equity stake in a tenant.</summary>
/// <param name="Id">Investment id.</param>
/// <param name="Tenant">Tenant invested in.</param>
/// <param name="AmountUsd">Dollars invested.</param>
/// <param name="OwnershipFraction">Fraction owned, 0 to 1.</param>
/// <param name="ValuationUsd">Valuation when the stake was taken.</param>
/// <param name="Beta">Elasticity of valuation to the tenant's demand.</param>
/// <param name="Date">Month of the investment (<c>YYYY-MM</c>), or null.</param>
public sealed record InvestmentView(string Id, string Tenant, double AmountUsd, double OwnershipFraction, double ValuationUsd, double Beta, string? Date)
{
    /// <summary>The view of <paramref name="i"/>.</summary>
    public static InvestmentView Of(Investment i) => new(i.Id, i.Tenant, i.AmountUsd, i.OwnershipFraction, i.ValuationUsd, i.Beta, i.Date?.ToString());
}

/// <summary>A tenant's allocations in one month of a plan.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="TotalMw">MW allocated to the tenant that month, all contracts and sites.</param>
/// <param name="Rows">Per contract, site and chip pool.</param>
public sealed record MonthAllocations(string Month, double TotalMw, IReadOnlyList<AllocationRow> Rows);

/// <summary>A tenant's allocations by month from the latest plan of a book.</summary>
/// <param name="BookId">The book.</param>
/// <param name="PlanId">The plan read.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Months">Months with any allocation, in order.</param>
public sealed record TenantAllocations(string BookId, string PlanId, string TenantId, IReadOnlyList<MonthAllocations> Months);

/// <summary>A month in which a contract got less than committed.</summary>
/// <param name="Month">The month.</param>
/// <param name="CommittedMw">MW committed.</param>
/// <param name="AllocatedMw">MW allocated.</param>
/// <param name="ShortfallMw">Committed minus allocated.</param>
public sealed record ShortfallMonth(string Month, double CommittedMw, double AllocatedMw, double ShortfallMw);

/// <summary>One contract's service level over the plan.</summary>
/// <param name="ContractId">The contract.</param>
/// <param name="CommittedMwMonths">Sum of committed MW over the months.</param>
/// <param name="AllocatedMwMonths">Sum of allocated MW over the months.</param>
/// <param name="MinFillRatio">The lowest monthly fill ratio (allocated / committed).</param>
/// <param name="ShortfallMonths">Months allocated below committed (by more than 1e-9 MW).</param>
public sealed record ContractSla(string ContractId, double CommittedMwMonths, double AllocatedMwMonths, double MinFillRatio, IReadOnlyList<ShortfallMonth> ShortfallMonths);

/// <summary>A tenant's SLA report: committed against allocated, and the months it fell short.</summary>
/// <param name="BookId">The book.</param>
/// <param name="PlanId">The plan read.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Contracts">One entry per contract of the tenant.</param>
public sealed record SlaReport(string BookId, string PlanId, string TenantId, IReadOnlyList<ContractSla> Contracts)
{
    /// <summary>Builds the report from a tenant's fill rows.</summary>
    public static SlaReport Of(string bookId, string planId, string tenantId, IReadOnlyList<FillRow> fills) =>
        new(bookId, planId, tenantId, [.. fills.GroupBy(f => f.ContractId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ContractSla(
            g.Key, g.Sum(f => f.CommittedMw), g.Sum(f => f.AllocatedMw), g.Min(f => f.FillRatio),
            [.. g.Where(f => f.CommittedMw - f.AllocatedMw > 1e-9).Select(f => new ShortfallMonth(f.Month, f.CommittedMw, f.AllocatedMw, f.CommittedMw - f.AllocatedMw))]))]);
}

/// <summary>A stored plan with every fill row.</summary>
/// <param name="Plan">The plan's header.</param>
/// <param name="Fills">Committed and allocated MW per contract and month.</param>
public sealed record PlanView(PlanSummary Plan, IReadOnlyList<FillRow> Fills);

/// <summary>What to plan with.</summary>
/// <param name="Policy">Policy name (<c>max-min</c>, <c>pro-rata</c>, ...); the book's scenario policy when null.</param>
public sealed record PlanRequest(string? Policy);

/// <summary>A stress run as the API shows it.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="BookId">The book stressed.</param>
/// <param name="BookVersion">The version stressed.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Progress">Fraction done, 0 to 1.</param>
/// <param name="Result">The engine's result once succeeded.</param>
/// <param name="Error">The error once failed.</param>
/// <param name="CreatedAt">When it was started.</param>
public sealed record StressRunView(string RunId, string BookId, int BookVersion, string Status, double Progress,
    System.Text.Json.JsonElement? Result, string? Error, DateTimeOffset CreatedAt)
{
    /// <summary>The view of <paramref name="run"/>, with live progress when given.</summary>
    public static StressRunView Of(StressRunRecord run, double? liveProgress = null) =>
        new(run.RunId, run.BookId, run.BookVersion, run.Status.ToString().ToLowerInvariant(), liveProgress ?? run.Progress,
            run.ResultJson is null ? null : System.Text.Json.JsonDocument.Parse(run.ResultJson).RootElement.Clone(), run.Error, run.CreatedAt);
}

/// <summary>The answer of <c>/healthz</c>.</summary>
/// <param name="Status"><c>ok</c>.</param>
/// <param name="SchemaVersion">The database's schema version.</param>
public sealed record Health(string Status, int SchemaVersion);
