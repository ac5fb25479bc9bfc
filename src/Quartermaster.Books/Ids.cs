using System.Text.RegularExpressions;

namespace Quartermaster.Books;

/// <summary>The form of ids in a book: short, stable names safe in file names, URLs and YAML.</summary>
public static partial class Ids
{
    /// <summary>What an id looks like, for error messages.</summary>
    public const string Form = "an id of letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>True when <paramref name="id"/> has the form of an id.</summary>
    public static bool IsValid(string id) => Pattern().IsMatch(id);
}
