using System.Text.Json.Nodes;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// Behaviour is unchanged: <c>qm plan</c>, <c>stress</c>, <c>audit</c> and <c>show --json</c> of the example book and
/// a <c>qm gen</c> book give exactly the numbers in Golden/ (recorded before the documents were typed). The golden
/// files may be in the old field names or the new ones: both are mapped to one form (docs/schemas/CHANGES.md lists
/// the renames) before every number is compared exactly.
/// When a change alters numbers by design (the planner's tie-breaking, the stress model), refresh them with
/// <c>tests/Quartermaster.Cli.Tests/Golden/refresh</c> and commit the new files with that change.
/// </summary>
public sealed class GoldenOutputTests
{
    private const string Refresh = "tests/Quartermaster.Cli.Tests/Golden/refresh";

    private static string Golden => Path.Combine(Qm.Root, "tests", "Quartermaster.Cli.Tests", "Golden");

    public static TheoryData<string, string> Books() => new()
    {
        { "neutral-cloud-2026", "examples/neutral-cloud-2026.yaml" },
        { "gen-small", "tests/Quartermaster.Cli.Tests/Golden/gen-small.yaml" },
    };

    [Theory]
    [MemberData(nameof(Books))]
    public void Plan_json_gives_the_golden_fills_idle_shortfalls_and_allocations_per_contract_site_and_month(string name, string book) =>
        AssertSame(name, "plan", Canonical.Plan, "plan", book, "--json");

    [Theory]
    [MemberData(nameof(Books))]
    public void Stress_json_gives_every_golden_statistic(string name, string book) =>
        AssertSame(name, "stress", Canonical.Renamed, "stress", book, "--paths", "4000", "--seed", "11", "--json");

    [Theory]
    [MemberData(nameof(Books))]
    public void Audit_json_gives_the_golden_checks_and_cost_of_neutrality(string name, string book) =>
        AssertSame(name, "audit", Canonical.Renamed, "audit", book, "--json");

    [Theory]
    [MemberData(nameof(Books))]
    public void Show_json_gives_the_golden_sites_tenants_and_capacity(string name, string book) =>
        AssertSame(name, "show", Canonical.Show, "show", book, "--json");

    private static void AssertSame(string name, string document, Func<JsonNode, JsonNode> canonical, params string[] args)
    {
        var outcome = Qm.Run(args);
        Assert.True(outcome.ExitCode == 0, $"qm {string.Join(' ', args)} exited {outcome.ExitCode}: {outcome.Stderr}");
        var expected = canonical(JsonNode.Parse(File.ReadAllText(Path.Combine(Golden, $"{name}.{document}.json")))!);
        var actual = canonical(JsonNode.Parse(outcome.Stdout)!);
        var difference = Canonical.FirstDifference(expected, actual, "$");
        Assert.True(difference is null,
            $"qm {string.Join(' ', args)} differs from Golden/{name}.{document}.json at {difference}. "
            + $"If the change is by design, run {Refresh} and commit the new golden files with it.");
    }
}
