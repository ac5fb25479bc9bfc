using System.Text.Json.Serialization;

namespace Quartermaster.Documents;

/// <summary><c>qm audit-log verify --json</c>: whether the audit log's hash chain is intact.</summary>
/// <param name="Intact">True when every entry is in place and unchanged (and the expected head, if given, is present).</param>
/// <param name="Entries">Number of entries checked.</param>
/// <param name="Head">The last intact entry as <c>SEQUENCE:HASH</c>, the value to keep outside the database.</param>
/// <param name="Problem">What is wrong and at which entry, or null when intact.</param>
public sealed record AuditLogVerifyDocument(bool Intact, int Entries, string Head, string? Problem) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;
}
