namespace Quartermaster.Documents;

/// <summary>An alert rule as written in the rules file.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Text">The rule, such as <c>top-lab share > 50%</c>.</param>
public sealed record AlertRuleText(string Name, string Text);
