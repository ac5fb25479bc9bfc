namespace Quartermaster.Server;

/// <summary>What to plan with.</summary>
/// <param name="Policy">Policy name (<c>max-min</c>, <c>pro-rata</c>, ...); the book's scenario policy when null.</param>
public sealed record PlanRequest(string? Policy);
