namespace Quartermaster.Documents;

/// <summary>The check of one book file.</summary>
/// <param name="File">The file as named on the command line.</param>
/// <param name="Valid">True when the file has no error.</param>
/// <param name="Errors">Every error, sorted by line and column; empty when valid.</param>
public sealed record FileCheck(string File, bool Valid, IReadOnlyList<FileError> Errors);
