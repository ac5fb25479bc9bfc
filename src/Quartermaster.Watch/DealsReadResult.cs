using Quartermaster.Books;

namespace Quartermaster.Watch;

/// <summary>The outcome of reading a deals file: its deals when valid, else every error found.</summary>
/// <param name="Deals">The deals in file order; empty when there are errors.</param>
/// <param name="Errors">All errors, sorted by line and column; empty when the file is valid.</param>
public sealed record DealsReadResult(IReadOnlyList<Deal> Deals, IReadOnlyList<BookError> Errors)
{
    /// <summary>True when the file was read without errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
