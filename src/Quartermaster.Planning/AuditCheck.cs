namespace Quartermaster.Planning;

/// <summary>The outcome of one neutrality check.</summary>
/// <param name="Name">Stable name of the check: <c>identity-blindness</c> or <c>spread</c>.</param>
/// <param name="Passed">True when nothing was found.</param>
/// <param name="Summary">One line for people.</param>
/// <param name="Findings">What was found; empty when <paramref name="Passed"/>.</param>
public sealed record AuditCheck(string Name, bool Passed, string Summary, ValueList<AuditFinding> Findings);
