using System.Text;
using Quartermaster.Books;

namespace Quartermaster.Watch;

/// <summary>Reads the small UTF-8 text files of Watch (deals, rivalries, alert rules), turning every failure into a <see cref="BookError"/>.</summary>
internal static class TextFile
{
    /// <summary>The text of <paramref name="path"/>, or null after adding an error at 1:1 saying why it cannot be read.</summary>
    public static string? Read(string path, long maxBytes, string what, List<BookError> errors)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            errors.Add(new BookError(path, 1, 1, Directory.Exists(path) ? $"is a directory, not {what}" : "no such file"));
            return null;
        }
        if (info.Length > maxBytes)
        {
            errors.Add(new BookError(path, 1, 1, $"the file is {info.Length >> 20} MiB; {what} is at most {maxBytes >> 20} MiB"));
            return null;
        }
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var text = reader.ReadToEnd();
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(new BookError(path, 1, 1, $"the file contains NUL bytes; it is not {what}"));
                return null;
            }
            return text;
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new BookError(path, 1, 1, "the file is not UTF-8 text"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new BookError(path, 1, 1, "cannot read the file: " + e.Message));
        }
        return null;
    }
}
