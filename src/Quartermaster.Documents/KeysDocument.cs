using System.Text.Json.Serialization;

namespace Quartermaster.Documents;

/// <summary><c>qm keys list --json</c>: every API key, without its secret (only a salted hash is stored).</summary>
/// <param name="Keys">The keys, in the order the store lists them.</param>
public sealed record KeysDocument(IReadOnlyList<KeyEntry> Keys) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;
}
