using System.Text;
using System.Text.RegularExpressions;

namespace Quartermaster.Cli.Tests;

public sealed partial class ValidateCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-validate-");

    [GeneratedRegex(@"^[^\n]+:\d+:\d+: \S[^\n]*$")]
    private static partial Regex ErrorLine();

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void The_example_is_valid_and_exits_zero()
    {
        var outcome = Terminal.Run("validate", Qm.Example);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("valid (5 sites, 5 tenants, 5 contracts, 120 months)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Empty(outcome.Stderr);
    }

    [Fact]
    public void Malformed_files_of_every_kind_give_only_positioned_errors_and_exit_two()
    {
        var files = MalformedCorpus().Select((content, i) =>
        {
            var path = Path.Combine(_dir.FullName, $"bad-{i:D3}.yaml");
            File.WriteAllBytes(path, content);
            return path;
        }).ToList();

        var outcome = Terminal.Run(["validate", .. files]);

        Assert.Equal(2, outcome.ExitCode);
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(ErrorLine(), line));
        Assert.DoesNotContain("Exception", outcome.Stderr, StringComparison.Ordinal);
        // A truncation can end on a complete, valid book; every other file must be reported with an error.
        foreach (var file in files)
        {
            var reported = lines.Any(l => l.StartsWith(file + ":", StringComparison.Ordinal));
            var valid = outcome.Stdout.Contains(file + ": valid", StringComparison.Ordinal);
            Assert.True(reported ^ valid, $"{file}: reported {reported}, valid {valid}");
        }
        // About ten truncations of the example end on a complete book (its scenario's comment lines make several).
        Assert.True(lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).Distinct().Count() >= files.Count - 12);
    }

    [Fact]
    public void Json_output_lists_each_file_with_its_errors()
    {
        var bad = Path.Combine(_dir.FullName, "bad.yaml");
        File.WriteAllText(bad, "book: x\nprovider: y\nhorizon: {start: 2026-01, end: 2026-12}\nsites: 3\n");
        var outcome = Terminal.Run("validate", "--json", Qm.Example, bad);
        Assert.Equal(2, outcome.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(outcome.Stdout);
        var results = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.True(results[0].GetProperty("valid").GetBoolean());
        Assert.False(results[1].GetProperty("valid").GetBoolean());
        var error = results[1].GetProperty("errors")[0];
        Assert.Equal((4, 8), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
    }

    /// <summary>Truncations of the example, byte garbage, tabs, BOMs, duplicate keys, alias bombs, huge numbers, empty files.</summary>
    private static IEnumerable<byte[]> MalformedCorpus()
    {
        var example = File.ReadAllBytes(Qm.Example);
        for (var cut = 37; cut < example.Length; cut += example.Length / 40)
        {
            yield return example[..cut];
        }
        var random = new Random(20261125);
        for (var i = 0; i < 10; i++)
        {
            var garbage = new byte[random.Next(1, 4000)];
            random.NextBytes(garbage);
            yield return garbage;
        }
        var text = Encoding.UTF8.GetString(example);
        yield return Encoding.UTF8.GetBytes(text.Replace("    halls: 12", "\thalls: 12", StringComparison.Ordinal));
        yield return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("book: x\n")];
        yield return Encoding.UTF8.GetBytes(text.Replace("    halls: 12", "    halls: 12\n    halls: 13", StringComparison.Ordinal));
        yield return Encoding.UTF8.GetBytes("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n");
        yield return Encoding.UTF8.GetBytes(text.Replace("800 MW", "9" + new string('9', 500) + " MW", StringComparison.Ordinal));
        yield return Encoding.UTF8.GetBytes(text.Replace("seed: 2026", "seed: 99999999999999999999999999", StringComparison.Ordinal));
        yield return [];
        yield return Encoding.UTF8.GetBytes("   \n\n# nothing\n");
        yield return [0xFF, 0xFE, 0x00, 0x62];
        yield return Encoding.UTF8.GetBytes(new string('[', 5000));
        yield return Encoding.UTF8.GetBytes("book: " + new string('x', 100_000) + "\n");
    }
}
