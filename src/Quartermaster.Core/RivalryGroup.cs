namespace Quartermaster.Core;

/// <summary>Tenants that compete with each other; the planner must treat them alike.</summary>
/// <param name="Id">Unique id in the book.</param>
/// <param name="Name">A human name for reports.</param>
public sealed record RivalryGroup(string Id, string Name);
