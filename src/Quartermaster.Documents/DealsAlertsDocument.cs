using System.Text.Json.Serialization;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary><c>qm deals alerts --rules RULES --json</c>: the rules checked and every rule crossed, with the deals behind it.</summary>
/// <param name="Rules">The rules checked, in file order.</param>
/// <param name="Findings">Every crossing, by rule then subject; empty when no rule fires.</param>
public sealed record DealsAlertsDocument(IReadOnlyList<AlertRuleText> Rules, IReadOnlyList<AlertFinding> Findings) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="rules"/> and what they found.</summary>
    public static DealsAlertsDocument Of(IEnumerable<AlertRule> rules, IEnumerable<AlertFinding> findings) =>
        new([.. rules.Select(r => new AlertRuleText(r.Name, r.Text))], [.. findings]);
}
