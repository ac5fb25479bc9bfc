using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>The outcome of reading a book file: the book when it is valid, else every error found.</summary>
/// <param name="Book">The book, or null when there are errors.</param>
/// <param name="Errors">All errors, sorted by line and column; empty when the book is valid.</param>
public sealed record BookReadResult(Book? Book, IReadOnlyList<BookError> Errors)
{
    /// <summary>True when the book was read without errors.</summary>
    public bool IsValid => Book is not null && Errors.Count == 0;
}
