using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Stress;

namespace Quartermaster.Cluster.Tests;

/// <summary>The books the cluster tests stress, and the document <c>qm stress --json</c> prints for them, computed in this process.</summary>
internal static class ClusterBooks
{
    private static readonly string Root = FindRoot();

    /// <summary>The example book's YAML with its paths set (the seed is the book's).</summary>
    public static string ExampleYaml(int paths)
    {
        var book = Read(File.ReadAllText(Path.Combine(Root, "examples", "neutral-cloud-2026.yaml")));
        return BookWriter.Write(book with { Scenario = book.Scenario with { Paths = paths } });
    }

    public static Book Read(string yaml) => BookReader.ReadText(yaml, "test.yaml").Book ?? throw new InvalidDataException("the test book does not read");

    /// <summary>The stress document of one run of the whole book in this process, as <c>qm stress --json</c> prints it.</summary>
    public static string LocalDocument(string yaml)
    {
        var book = Read(yaml);
        var run = Analysis.PlannedStress.Run(book, book.Scenario.Policy);
        return DocumentJson.Serialize(StressDocument.Of(run.Result, book), indented: true);
    }

    public static string Document(StressRunResult result) => DocumentJson.Serialize(result.Summary, indented: true);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quartermaster.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("the repository root (Quartermaster.slnx) is not above the test output");
    }

    /// <summary>Paths of a run split by <see cref="StressChunk.Ranges"/>.</summary>
    public static int Chunks(int paths, int chunkPaths) => StressChunk.Ranges(paths, chunkPaths).Count;
}
