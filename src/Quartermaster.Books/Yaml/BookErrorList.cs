namespace Quartermaster.Books.Yaml;

/// <summary>
/// Collects the errors of one file, in the order found; sorted by position when reported. Readers add to it and
/// go on, so all errors of a file are reported together.
/// </summary>
/// <param name="file">The file as the user named it; every error carries it.</param>
public sealed class BookErrorList(string file)
{
    /// <summary>The errors in the order found (may hold repeats; <see cref="Sorted"/> removes them).</summary>
    public List<BookError> Errors { get; } = [];

    /// <summary>The file as the user named it.</summary>
    public string File => file;

    /// <summary>True when no error has been added.</summary>
    public bool IsEmpty => Errors.Count == 0;

    /// <summary>Adds an error at the position of <paramref name="at"/>.</summary>
    public void Add(YamlNode at, string message)
    {
        ArgumentNullException.ThrowIfNull(at);
        Errors.Add(new BookError(file, at.Line, at.Column, message));
    }

    /// <summary>The errors without repeats, by line then column (the order found among equal positions).</summary>
    public IReadOnlyList<BookError> Sorted() =>
        [.. Errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
