namespace Quartermaster.Storage;

/// <summary>The three kinds of principal an API key can stand for.</summary>
public enum Role
{
    /// <summary>Provider staff who may write: import books, run plans and stress runs.</summary>
    Admin,
    /// <summary>Provider staff who read everything on the provider side and write nothing.</summary>
    Analyst,
    /// <summary>One tenant, who reads only its own tenant's data.</summary>
    Tenant,
}

/// <summary>Book names of <see cref="Role"/> values: <c>admin</c>, <c>analyst</c>, <c>tenant</c>.</summary>
public static class RoleNames
{
    /// <summary>The lower-case name of <paramref name="role"/>, as stored and as given to <c>qm keys create --role</c>.</summary>
    public static string ToName(this Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Analyst => "analyst",
        _ => "tenant",
    };

    /// <summary>Parses <c>admin</c>, <c>analyst</c> or <c>tenant</c>.</summary>
    public static bool TryParse(string? name, out Role role)
    {
        (var ok, role) = name switch
        {
            "admin" => (true, Role.Admin),
            "analyst" => (true, Role.Analyst),
            "tenant" => (true, Role.Tenant),
            _ => (false, Role.Tenant),
        };
        return ok;
    }
}

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
