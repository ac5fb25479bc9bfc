namespace Quartermaster.Storage;

/// <summary>A tenant as the API shows it: no risk settings, which are the provider's assumptions.</summary>
/// <param name="Id">Tenant id.</param>
/// <param name="Name">Human name.</param>
/// <param name="RivalryGroup">Rivalry group id, or null.</param>
public sealed record TenantView(string Id, string Name, string? RivalryGroup);
