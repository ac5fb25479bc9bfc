using System.Text.Json.Serialization;
using Quartermaster.Books;

namespace Quartermaster.Documents;

/// <summary><c>qm validate BOOK... --json</c>: one entry per book file, in the order given.</summary>
/// <param name="Files">The files checked, in the order given on the command line.</param>
public sealed record ValidateDocument(IReadOnlyList<FileCheck> Files) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="files"/>: each path with what reading it gave.</summary>
    public static ValidateDocument Of(IEnumerable<(string Path, BookReadResult Result)> files) =>
        new([.. files.Select(f => new FileCheck(f.Path, f.Result.IsValid, FileError.Of(f.Result.Errors)))]);
}
