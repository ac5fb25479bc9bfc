namespace Quartermaster.Books.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class ExamplePaths
{
    public static string Root { get; } = FindRoot();

    public static string Example => Path.Combine(Root, "examples", "neutral-cloud-2026.yaml");

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
