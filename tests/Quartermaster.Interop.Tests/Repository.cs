using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Interop.Tests;

/// <summary>Files of the repository, found from the test's output folder, and workbooks written and read in memory.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Example => Path.Combine(Root, "examples", "neutral-cloud-2026.yaml");

    public static Book ExampleBook() => BookReader.ReadFile(Example).Book!;

    /// <summary>The sheets of <paramref name="workbook"/> after writing it as xlsx and reading the bytes back.</summary>
    public static IReadOnlyList<InputSheet> ThroughXlsx(Workbook workbook)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(workbook, stream);
        stream.Position = 0;
        return XlsxReader.Read(stream);
    }

    /// <summary>The sheets of <paramref name="workbook"/> after writing each as CSV text and reading it back.</summary>
    public static IReadOnlyList<InputSheet> ThroughCsv(Workbook workbook) =>
        [.. workbook.Sheets.Select(s => CsvTables.Read(s.Name, CsvTables.Write(s)))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quartermaster.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
