namespace Quartermaster.Books.Yaml;

/// <summary>
/// A node of a YAML document with the position it started at. Books are read through this small
/// tree, built from parser events, rather than a serializer, so every value keeps its line and
/// column and nothing is coerced (<c>no</c> stays the text "no", <c>2026-06</c> stays a string).
/// </summary>
internal abstract record YamlNode(int Line, int Column)
{
    /// <summary>What the node is, for messages: "a mapping", "a list", "a value".</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar; <see cref="Value"/> is the text exactly as parsed.</summary>
internal sealed record YamlScalar(string Value, int Line, int Column) : YamlNode(Line, Column)
{
    public override string Kind => Value.Length == 0 ? "an empty value" : $"the value '{Value}'";
}

/// <summary>A mapping, entries in document order, keys unique.</summary>
internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, int Line, int Column)
    : YamlNode(Line, Column)
{
    public override string Kind => "a mapping";
}

/// <summary>A sequence, items in document order.</summary>
internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column)
{
    public override string Kind => "a list";
}
