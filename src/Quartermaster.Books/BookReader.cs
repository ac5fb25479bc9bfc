using System.Text;
using Quartermaster.Books.Yaml;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// Reads a book from its YAML form (docs/book-format.md), strictly: an unknown key, a wrong unit,
/// a dangling reference or an implausible figure is an error naming file, line and column, and all
/// errors of a file are reported together. Never throws for bad input.
/// </summary>
public static class BookReader
{
    /// <summary>Reads and validates the book at <paramref name="path"/>.</summary>
    public static BookReadResult ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Failed(path, Directory.Exists(path) ? "is a directory, not a book file" : "no such file");
        }
        if (info.Length > BookLimits.MaxFileBytes)
        {
            return Failed(path, $"the file is {info.Length >> 20} MiB; a book is at most {BookLimits.MaxFileBytes >> 20} MiB");
        }
        string text;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return Failed(path, "the file is not UTF-8 text");
        }
        catch (IOException e)
        {
            return Failed(path, "cannot read the file: " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Failed(path, "cannot read the file: " + e.Message);
        }
        return ReadText(text, path);
    }

    /// <summary>Reads and validates a book from <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static BookReadResult ReadText(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new BookErrorList(file);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Failed(file, "the file contains NUL bytes; it is not a YAML text file");
        }
        var root = YamlTreeReader.ReadText(text, errors, "a book", "a book (a mapping with keys book, provider, horizon, sites, tenants, contracts)");
        if (root is null)
        {
            return new BookReadResult(null, errors.Sorted());
        }
        var book = new BookParser(errors).Parse(root);
        var sorted = errors.Sorted();
        return new BookReadResult(sorted.Count == 0 ? book : null, sorted);
    }

    private static BookReadResult Failed(string file, string message) =>
        new(null, [new BookError(file, 1, 1, message)]);
}
