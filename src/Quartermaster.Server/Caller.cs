namespace Quartermaster.Server;

/// <summary>Who an API key belongs to: what the dashboard shows depends on it.</summary>
/// <param name="KeyId">Id of the key (not the secret).</param>
/// <param name="Role">admin, analyst or tenant.</param>
/// <param name="TenantId">The tenant a tenant key reads for; null for provider roles.</param>
public sealed record Caller(string KeyId, string Role, string? TenantId);
