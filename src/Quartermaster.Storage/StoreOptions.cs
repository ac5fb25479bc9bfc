namespace Quartermaster.Storage;

/// <summary>How a store is opened.</summary>
/// <param name="ApplyTenantFilter">
/// The application's own isolation: every tenant-scoped query filtered to the caller's tenant. Always on
/// in service; tests switch it off against PostgreSQL to prove row-level security alone holds.
/// </param>
public sealed record StoreOptions(bool ApplyTenantFilter = true)
{
    /// <summary>The defaults: the tenant filter on.</summary>
    public static StoreOptions Default { get; } = new();

    /// <summary>The tenant a query is filtered to: the caller's own for a tenant, none for provider roles or with the filter off.</summary>
    internal string? TenantFilter(AccessScope scope) => ApplyTenantFilter ? scope.VisibleTenant : null;
}
