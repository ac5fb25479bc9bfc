namespace Quartermaster.Watch;

/// <summary>
/// Labs that compete with each other. A provider that supplies two or more labs of a group is marked on the
/// market map: it sells to both sides. (A book's <c>RivalryGroup</c> groups tenants of one provider; this groups
/// labs across the market.)
/// </summary>
/// <param name="Id">A short id, such as <c>frontier-labs</c>.</param>
/// <param name="Name">A human name for reports.</param>
/// <param name="Labs">The labs, as spelled in the deals file's counterparty column (matched ignoring case).</param>
public sealed record LabRivalryGroup(string Id, string Name, IReadOnlyList<string> Labs)
{
    /// <summary>The default: OpenAI, Anthropic, Google DeepMind, xAI and Meta as one group of frontier labs (also written out in data/rivalries.yaml).</summary>
    public static LabRivalryGroup FrontierLabs { get; } =
        new("frontier-labs", "Frontier labs", ["OpenAI", "Anthropic", "Google DeepMind", "xAI", "Meta"]);

    /// <summary>True when <paramref name="lab"/> is one of <see cref="Labs"/>, ignoring case.</summary>
    public bool Contains(string lab) => Labs.Any(l => string.Equals(l, lab, StringComparison.OrdinalIgnoreCase));
}
