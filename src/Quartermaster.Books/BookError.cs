namespace Quartermaster.Books;

/// <summary>
/// A mistake in a book file that the user can fix: where it is and what was expected.
/// Printed as <c>file:line:col: message</c>, the form editors and CI logs link to.
/// </summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record BookError(string File, int Line, int Column, string Message)
{
    /// <summary>Formats as <c>file:line:col: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
