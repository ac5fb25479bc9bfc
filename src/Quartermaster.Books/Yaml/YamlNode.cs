namespace Quartermaster.Books.Yaml;

/// <summary>
/// A node of a YAML document with the position it started at. Books (and Watch's small YAML files) are read
/// through this small tree, built from parser events, rather than a serializer, so every value keeps its line
/// and column and nothing is coerced (<c>no</c> stays the text "no", <c>2026-06</c> stays a string).
/// </summary>
/// <param name="Line">1-based line where the node starts.</param>
/// <param name="Column">1-based column where the node starts.</param>
public abstract record YamlNode(int Line, int Column)
{
    /// <summary>What the node is, for messages: "a mapping", "a list", "the value 'x'".</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar; <see cref="Value"/> is the text exactly as parsed.</summary>
/// <param name="Value">The text exactly as parsed (never null; empty for an empty value).</param>
/// <param name="Line">1-based line where the scalar starts.</param>
/// <param name="Column">1-based column where the scalar starts.</param>
public sealed record YamlScalar(string Value, int Line, int Column) : YamlNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Kind => Value.Length == 0 ? "an empty value" : "the value " + Ids.Quote(Value);
}

/// <summary>A mapping, entries in document order, keys unique.</summary>
/// <param name="Entries">The entries in document order; no two keys are equal.</param>
/// <param name="Line">1-based line where the mapping starts.</param>
/// <param name="Column">1-based column where the mapping starts.</param>
public sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, int Line, int Column)
    : YamlNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Kind => "a mapping";
}

/// <summary>A sequence, items in document order.</summary>
/// <param name="Items">The items in document order.</param>
/// <param name="Line">1-based line where the list starts.</param>
/// <param name="Column">1-based column where the list starts.</param>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Kind => "a list";
}
