namespace Quartermaster.Storage;

/// <summary>A stored API key without its secret: only a salted hash of the secret is kept.</summary>
/// <param name="KeyId">Public id, the part of the key before the secret.</param>
/// <param name="Role">The principal's role.</param>
/// <param name="TenantId">The tenant of a tenant key, else null.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null while valid.</param>
public sealed record ApiKeyRecord(string KeyId, Role Role, string? TenantId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A newly created key: <see cref="Key"/> is shown once and never stored.</summary>
/// <param name="Record">The stored record.</param>
/// <param name="Key">The full key to give the principal: <c>qm_KEYID_SECRET</c>.</param>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Key);
