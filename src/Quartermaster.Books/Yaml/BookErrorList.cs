namespace Quartermaster.Books.Yaml;

/// <summary>Collects the errors of one file, in the order found; sorted by position when reported.</summary>
internal sealed class BookErrorList(string file)
{
    public List<BookError> Errors { get; } = [];

    public string File => file;

    public void Add(YamlNode at, string message) => Errors.Add(new BookError(file, at.Line, at.Column, message));

    public IReadOnlyList<BookError> Sorted() =>
        [.. Errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
