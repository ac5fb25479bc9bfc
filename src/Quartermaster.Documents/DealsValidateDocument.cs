using System.Text.Json.Serialization;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary><c>qm deals validate FILE... --json</c>: one entry per deals file, in the order given.</summary>
/// <param name="Files">The files checked, in the order given on the command line.</param>
public sealed record DealsValidateDocument(IReadOnlyList<DealsFileCheck> Files) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="files"/>: each path with what reading it gave.</summary>
    public static DealsValidateDocument Of(IEnumerable<(string Path, DealsReadResult Result)> files) =>
        new([.. files.Select(f => new DealsFileCheck(f.Path, f.Result.IsValid, f.Result.Deals.Count, FileError.Of(f.Result.Errors)))]);
}
