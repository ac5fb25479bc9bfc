using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>The outcome of importing a book: the book and its canonical YAML when valid, else every error found.</summary>
/// <param name="Book">The book, or null when there are errors.</param>
/// <param name="Yaml">The book in the canonical form of qm's writer, or null when there are errors.</param>
/// <param name="Errors">Every error, sheet by sheet; empty when the book is valid.</param>
public sealed record ImportResult(Book? Book, string? Yaml, IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when the book was imported without errors.</summary>
    public bool IsValid => Book is not null && Errors.Count == 0;
}
