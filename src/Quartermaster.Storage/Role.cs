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
