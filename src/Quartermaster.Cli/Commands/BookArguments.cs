using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Cli.Commands;

/// <summary>Loads the book a verb was given, printing its errors as <c>file:line:col: message</c>.</summary>
internal static class BookArguments
{
    /// <summary>The book at <paramref name="path"/>, or null after printing its errors to stderr.</summary>
    public static Book? Load(CliContext context, string path)
    {
        var result = BookReader.ReadFile(path);
        PrintErrors(context, result.Errors);
        return result.Book;
    }

    public static void PrintErrors(CliContext context, IEnumerable<BookError> errors)
    {
        foreach (var error in errors)
        {
            context.Stderr.WriteLine(error.ToString());
        }
    }
}
