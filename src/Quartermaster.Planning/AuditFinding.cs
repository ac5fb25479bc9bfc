namespace Quartermaster.Planning;

/// <summary>One thing an audit check found: where, which contracts, what and how much.</summary>
/// <param name="Month">The month concerned.</param>
/// <param name="ContractIds">The contracts concerned.</param>
/// <param name="Detail">What was found, for people.</param>
/// <param name="Value">The measured quantity: a MW difference or a fill-ratio spread, as <paramref name="Detail"/> says.</param>
public sealed record AuditFinding(Month Month, ValueList<string> ContractIds, string Detail, double Value);
