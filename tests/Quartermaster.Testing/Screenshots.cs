namespace Quartermaster.Testing;

/// <summary>
/// Where browser tests put screenshots (the test output folder), and how the README's images are refreshed:
/// with QM_UPDATE_DOCS_IMAGES=1 a published screenshot is also copied into docs/images.
/// </summary>
public static class Screenshots
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path in the test output's screenshots folder.</summary>
    public static string PathFor(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Copies <paramref name="path"/> to docs/images/<paramref name="name"/> when QM_UPDATE_DOCS_IMAGES=1.</summary>
    public static void Publish(string path, string name)
    {
        // Big enough to show something, small enough for the repository (decal patterns made the dashboard's about 410 KB).
        Assert.InRange(new FileInfo(path).Length, 10_000, 600_000);
        if (Environment.GetEnvironmentVariable("QM_UPDATE_DOCS_IMAGES") == "1")
        {
            var docs = Path.Combine(Root, "docs", "images");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name), overwrite: true);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quartermaster.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root");
    }
}
