namespace Quartermaster.Documents;

/// <summary>An API key as listed: who it is for, never its secret.</summary>
/// <param name="KeyId">Public id of the key, the 12 hex digits after <c>qm_</c>.</param>
/// <param name="Role"><c>admin</c>, <c>analyst</c> or <c>tenant</c>.</param>
/// <param name="TenantId">Id of the tenant of a tenant key, else null.</param>
/// <param name="CreatedAt">When it was created (UTC, ISO 8601).</param>
/// <param name="RevokedAt">When it was revoked (UTC, ISO 8601), or null while valid.</param>
public sealed record KeyEntry(string KeyId, string Role, string? TenantId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
