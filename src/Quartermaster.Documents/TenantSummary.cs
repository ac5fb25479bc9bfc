namespace Quartermaster.Documents;

/// <summary>A tenant as <c>qm show</c> lists it.</summary>
/// <param name="Id">Id of the tenant.</param>
/// <param name="Name">Its human name.</param>
/// <param name="RivalryGroupId">Id of the rivalry group it competes in, or null when it competes with nobody in the book.</param>
public sealed record TenantSummary(string Id, string Name, string? RivalryGroupId);
