namespace Quartermaster.Documents;

/// <summary>The check of one deals file.</summary>
/// <param name="File">The file as named on the command line.</param>
/// <param name="Valid">True when the file has no error.</param>
/// <param name="Deals">Number of deals read; 0 when the file has errors.</param>
/// <param name="Errors">Every error, sorted by line and column; empty when valid.</param>
public sealed record DealsFileCheck(string File, bool Valid, int Deals, IReadOnlyList<FileError> Errors);
