namespace Quartermaster.Storage;

/// <summary>
/// Who is asking, passed to every store call: the store scopes each query by it (the application's
/// tenant filter) and, in PostgreSQL, sets it per transaction for row-level security.
/// </summary>
/// <param name="Actor">Id of the API key (or <c>cli</c>, <c>system</c>) recorded in the audit log.</param>
/// <param name="Role">The principal's role.</param>
/// <param name="TenantId">The tenant a <see cref="Role.Tenant"/> principal stands for; null for provider roles.</param>
public sealed record AccessScope(string Actor, Role Role, string? TenantId)
{
    /// <summary>The server itself (loading the example book, finishing background jobs): an admin.</summary>
    public static AccessScope System { get; } = new("system", Role.Admin, null);

    /// <summary>True for admin and analyst: provider staff who may see every tenant.</summary>
    public bool IsProvider => Role != Role.Tenant;

    /// <summary>The tenant whose rows this scope may see; null when it may see every tenant's.</summary>
    public string? VisibleTenant => IsProvider ? null : TenantId ?? "";
}
