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
        var text = ReadFileText(path, out var problem);
        return text is null ? Failed(path, problem!) : ReadText(text, path);
    }

    /// <summary>The UTF-8 text of the file at <paramref name="path"/>, or null with the <paramref name="problem"/> a user can fix.</summary>
    internal static string? ReadFileText(string path, out string? problem)
    {
        var info = new FileInfo(path);
        problem = null;
        if (!info.Exists)
        {
            problem = Directory.Exists(path) ? "is a directory, not a book file" : "no such file";
            return null;
        }
        if (info.Length > BookLimits.MaxFileBytes)
        {
            problem = $"the file is {info.Length >> 20} MiB; a book is at most {BookLimits.MaxFileBytes >> 20} MiB";
            return null;
        }
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            problem = "the file is not UTF-8 text";
        }
        catch (IOException e)
        {
            problem = "cannot read the file: " + e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            problem = "cannot read the file: " + e.Message;
        }
        return null;
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
