using Quartermaster.Books;

namespace Quartermaster.Documents;

/// <summary>A mistake in an input file: where it is (1-based) and what was expected.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record FileError(int Line, int Column, string Message)
{
    /// <summary>The errors of <paramref name="errors"/>, in their order, without the file name (their check names it).</summary>
    public static IReadOnlyList<FileError> Of(IEnumerable<BookError> errors) => [.. errors.Select(e => new FileError(e.Line, e.Column, e.Message))];
}
