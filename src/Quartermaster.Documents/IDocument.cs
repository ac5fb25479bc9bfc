namespace Quartermaster.Documents;

/// <summary>
/// A top-level JSON document: what one command prints with <c>--json</c>, or what a report embeds. Its first
/// field is <c>schema_version</c>, raised whenever a field of the document is renamed, reshaped or removed.
/// </summary>
public interface IDocument
{
    /// <summary>The version of this document's shape: a positive integer, the first field of the JSON.</summary>
    int SchemaVersion { get; }
}
