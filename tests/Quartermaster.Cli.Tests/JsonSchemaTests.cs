using System.Text.RegularExpressions;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// Every <c>--json</c> output of every command matches its published schema, run for real on the example book, a
/// <c>qm gen</c> book and the shipped deals; and so does the data a report embeds.
/// </summary>
public sealed partial class JsonSchemaTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-schema-");

    private static string GenBook => Path.Combine(Qm.Root, "tests", "Quartermaster.Cli.Tests", "Golden", "gen-small.yaml");

    public static TheoryData<string, string[]> BookCommands() => new()
    {
        { "validate", ["validate", "BOOK", "--json"] },
        { "show", ["show", "BOOK", "--json"] },
        { "plan", ["plan", "BOOK", "--json"] },
        { "audit", ["audit", "BOOK", "--json"] },
        { "stress", ["stress", "BOOK", "--paths", "500", "--json"] },
        { "stress-comparison", ["stress", "BOOK", "--compare", "OTHER", "--paths", "500", "--json"] },
        { "tornado", ["stress", "BOOK", "--tornado", "--paths", "300", "--json"] },
        { "diff", ["diff", "BOOK", "OTHER", "--json"] },
        { "diff", ["diff", "BOOK", "OTHER", "--stress", "--paths", "300", "--json"] },
    };

    [Theory]
    [MemberData(nameof(BookCommands))]
    public void Book_commands_print_json_that_matches_their_schema_on_the_example_and_a_generated_book(string schema, string[] args)
    {
        foreach (var (book, other) in new[] { (Qm.Example, GenBook), (GenBook, Qm.Example) })
        {
            var outcome = Qm.Run([.. args.Select(a => a == "BOOK" ? book : a == "OTHER" ? other : a)]);
            Assert.True(outcome.ExitCode == 0, $"qm {string.Join(' ', args)} on {book} exited {outcome.ExitCode}: {outcome.Stderr}");
            Schemas.AssertValid(schema, outcome.Stdout);
        }
    }

    [Fact]
    public void Quote_prints_json_that_matches_its_schema_on_the_example_and_the_shipped_proposal()
    {
        var outcome = Qm.Run("quote", Qm.Example, Path.Combine(Qm.Root, "examples", "proposal-lab-a-gb300.yaml"), "--paths", "300", "--json");
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Schemas.AssertValid("quote", outcome.Stdout);
    }

    [Fact]
    public void Validate_json_of_a_broken_book_matches_its_schema_too()
    {
        var bad = Path.Combine(_dir.FullName, "bad.yaml");
        File.WriteAllText(bad, "book: x\nprovider: y\nhorizon: {start: 2026-01, end: 2026-12}\nsites: 3\n");
        var outcome = Qm.Run("validate", Qm.Example, bad, "--json");
        Assert.Equal(2, outcome.ExitCode);
        Schemas.AssertValid("validate", outcome.Stdout);
    }

    [Fact]
    public void The_audit_of_a_policy_that_fails_matches_its_schema_with_its_findings()
    {
        var outcome = Qm.Run("audit", Qm.Example, "--policy", "favour-stakes", "--json");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("\"contract_ids\"", outcome.Stdout, StringComparison.Ordinal);
        Schemas.AssertValid("audit", outcome.Stdout);
    }

    public static TheoryData<string, string[]> DealsCommands() => new()
    {
        { "deals-validate", ["deals", "validate", "data/deals.csv", "--json"] },
        { "deals-timeline", ["deals", "timeline", "--json"] },
        { "deals-timeline", ["deals", "timeline", "--by", "lab", "--provider", "Microsoft", "--json"] },
        { "deals-map", ["deals", "map", "--rivalries", "data/rivalries.yaml", "--json"] },
        { "deals-exposure", ["deals", "exposure", "--json"] },
        { "deals-alerts", ["deals", "alerts", "--rules", "data/deal-alerts.yaml", "--json"] },
    };

    [Theory]
    [MemberData(nameof(DealsCommands))]
    public void Deals_commands_print_json_that_matches_their_schema_on_the_shipped_deals(string schema, string[] args)
    {
        var outcome = Qm.Run(args);
        Assert.True(outcome.ExitCode is 0 or 1, $"qm {string.Join(' ', args)} exited {outcome.ExitCode}: {outcome.Stderr}");
        Schemas.AssertValid(schema, outcome.Stdout);
    }

    [Fact]
    public void Keys_list_and_audit_log_verify_print_json_that_matches_their_schema()
    {
        var db = Path.Combine(_dir.FullName, "keys.db");
        Assert.Equal(0, Qm.Run("keys", "create", "--role", "admin", "--db", db).ExitCode);
        Assert.Equal(0, Qm.Run("keys", "create", "--role", "tenant", "--tenant", "frontier-lab-a", "--allow-unknown-tenant", "--db", db).ExitCode);
        var keys = Qm.Run("keys", "list", "--db", db, "--json");
        Assert.Equal(0, keys.ExitCode);
        Assert.Contains("\"tenant_id\": \"frontier-lab-a\"", keys.Stdout, StringComparison.Ordinal);
        Schemas.AssertValid("keys-list", keys.Stdout);

        var verify = Qm.Run("audit-log", "verify", "--db", db, "--json");
        Assert.Equal(0, verify.ExitCode);
        Schemas.AssertValid("audit-log-verify", verify.Stdout);
    }

    [Fact]
    public void The_data_a_report_embeds_matches_the_report_schema()
    {
        var output = Path.Combine(_dir.FullName, "report");
        var outcome = Qm.Run("report", Qm.Example, "--out", output, "--paths", "500", "--deals", "data/deals.csv");
        Assert.Equal(0, outcome.ExitCode);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var data = EmbeddedData().Match(html);
        Assert.True(data.Success, "report.html has no qm-data script");
        // The page escapes "</" inside scripts as "<\/", which JSON reads back as "</".
        Schemas.AssertValid("report", data.Groups[1].Value);
    }

    [Fact]
    public void Qm_schema_prints_the_published_schema_and_suggests_a_name_for_a_typo()
    {
        var plan = Qm.Run("schema", "plan");
        Assert.Equal(0, plan.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Schemas.Folder, "plan.schema.json")), plan.Stdout);

        var typo = Qm.Run("schema", "deals-mop");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("did you mean 'deals-map'?", typo.Stderr, StringComparison.Ordinal);

        var folder = Path.Combine(_dir.FullName, "schemas");
        Assert.Equal(0, Qm.Run("schema", "--out", folder).ExitCode);
        Assert.Equal(Directory.GetFiles(Schemas.Folder, "*.schema.json").Select(Path.GetFileName).Order(),
            Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("audit", """{"schema_version": 1, "policy": "max-min", "passed": true, "checks": [], "cost_of_neutrality": [{"tenant": "a", "policy_revenue_usd": 1, "revenue_max_revenue_usd": 1, "cost_usd": 0}], "cost_of_neutrality_usd": 0}""")]
    [InlineData("tornado", """{"schema_version": 1, "base_mean_payoff": 1, "paths": 10, "bars": []}""")]
    [InlineData("keys-list", """[{"key_id": "3f9a0c12d4e5", "role": "admin", "tenant_id": null, "created_at": "2026-01-01T00:00:00+00:00", "revoked_at": null}]""")]
    [InlineData("audit-log-verify", """{"intact": true, "entries": 0, "head": "0:x", "problem": null}""")]
    [InlineData("plan", """{"schema_version": 1, "policy": "max-min", "months": ["2026-1"], "allocations": [], "fills": [], "idle": [], "shortfalls": []}""")]
    public void The_schema_check_refuses_old_names_old_shapes_a_missing_version_and_a_malformed_month(string document, string json) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Schemas.AssertValid(document, json));

    [GeneratedRegex("<script type=\"application/json\" id=\"qm-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex EmbeddedData();

    public void Dispose() => _dir.Delete(recursive: true);
}
