namespace Quartermaster.Storage;

/// <summary>A stored plan's header; its rows are read per tenant.</summary>
/// <param name="PlanId">Plan id.</param>
/// <param name="BookId">The book planned.</param>
/// <param name="BookVersion">The version planned.</param>
/// <param name="Policy">Policy name, such as <c>max-min</c>.</param>
/// <param name="Planner">Name of the planner that made it.</param>
/// <param name="CreatedAt">When it was stored (UTC).</param>
public sealed record PlanSummary(string PlanId, string BookId, int BookVersion, string Policy, string Planner, DateTimeOffset CreatedAt);
