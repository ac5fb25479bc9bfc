using Quartermaster.Books.Yaml;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// Reads a proposal (docs/deal-desk.md) against the book it applies to, as strictly as a book: an unknown key, a
/// wrong unit, a reference to an id neither the book nor the proposal has, or a book the proposal would make invalid
/// is an error naming file, line and column, with a suggestion for a mistyped id. Never throws for bad input.
/// </summary>
public static class ProposalReader
{
    /// <summary>Reads the proposal at <paramref name="path"/> against <paramref name="book"/>.</summary>
    public static ProposalReadResult ReadFile(string path, Book book)
    {
        var text = BookReader.ReadFileText(path, out var problem);
        return text is null ? new ProposalReadResult(null, [new BookError(path, 1, 1, problem!)]) : ReadText(text, path, book);
    }

    /// <summary>Reads a proposal from <paramref name="text"/> against <paramref name="book"/>; <paramref name="file"/> names it in errors.</summary>
    public static ProposalReadResult ReadText(string text, string file, Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return Read(text, file, book);
    }

    /// <summary>
    /// The errors of <paramref name="text"/> that need no book (YAML, keys, units and values), so a malformed proposal can be
    /// refused before the book it applies to is read; a proposal without them may still fail <see cref="ReadText"/>.
    /// </summary>
    public static IReadOnlyList<BookError> CheckForm(string text, string file) => Read(text, file, null).Errors;

    private static ProposalReadResult Read(string text, string file, Book? book)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new BookErrorList(file);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return new ProposalReadResult(null, [new BookError(file, 1, 1, "the file contains NUL bytes; it is not a YAML text file")]);
        }
        var root = YamlTreeReader.ReadText(text, errors, "a proposal", "a proposal (a mapping with keys among proposal, sites, tenants, contracts, investments)");
        if (root is null)
        {
            return new ProposalReadResult(null, errors.Sorted());
        }
        var proposal = new ProposalParser(errors, book).Parse(root);
        var sorted = errors.Sorted();
        return new ProposalReadResult(sorted.Count == 0 ? proposal : null, sorted);
    }
}
