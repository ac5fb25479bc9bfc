using System.Security.Claims;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>Turns an authenticated principal into the <see cref="AccessScope"/> every store call takes.</summary>
internal static class Principals
{
    public const string TenantClaim = "qm:tenant";

    /// <summary>Authorization policy: admin only.</summary>
    public const string Admin = "admin";

    /// <summary>Authorization policy: admin or analyst.</summary>
    public const string Provider = "provider";

    /// <summary>Authorization policy: any valid key.</summary>
    public const string Anyone = "anyone";

    public static AccessScope Scope(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("endpoint reached without authentication");
        _ = RoleNames.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role);
        return new AccessScope(id, role, user.FindFirstValue(TenantClaim));
    }
}
