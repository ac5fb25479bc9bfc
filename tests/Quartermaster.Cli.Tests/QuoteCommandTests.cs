namespace Quartermaster.Cli.Tests;

/// <summary>
/// <c>qm quote</c> run in process on the example and the shipped proposal. The figures are checked by hand: in 2028-01
/// the GB300 classes lab A asks for (us-east, us-west) hold 640 + 350 = 990 MW; enterprise-gb300 keeps 350 and the
/// open-weights lab needs 100 there beyond the 200 left in eu-north (450 - 250), so 540 of the 600 MW fit (90%).
/// Signed in full, the four GB300 contracts ask 600 + 350 + 300 + 250 = 1,500 MW of 1,440: max-min gives each 96%,
/// so enterprise loses 14 MW a month, the open-weights lab 12 and EU sovereign 10, for five months (2028-01 to 05).
/// </summary>
public sealed class QuoteCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-quote-");

    private static string Proposal => Path.Combine(Qm.Root, "examples", "proposal-lab-a-gb300.yaml");

    [Fact]
    public void The_example_quote_gives_the_hand_computed_headroom_costs_and_a_verdict_true_of_them()
    {
        var outcome = Terminal.Run("quote", Qm.Example, Proposal, "--paths", "500");
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        // Cells are padded to their column's width, and long lines wrap: compare with runs of white space as one space.
        var text = System.Text.RegularExpressions.Regex.Replace(outcome.Stdout, @"\s+", " ");
        Assert.Contains("1 contract added, 0 contracts changed.", text, StringComparison.Ordinal);
        Assert.Contains("The new contract for Frontier Lab A (2 GW deal) fits in full until 2027-12 (90.0% of its ramp fits throughout); "
            + "signed in full, from 2028-01 it takes up to 36 MW a month from 3 contracts (lowest fill 96.0%); the neutrality audit still passes;", text, StringComparison.Ordinal);
        Assert.Contains("│ 2028-01 │ 2028-05 │ 600 │ 540 │ 90.0% │", text, StringComparison.Ordinal);
        Assert.Contains("│ 2029-01 │ 2031-12 │ 900 │ 900 │ in full │", text, StringComparison.Ordinal);
        Assert.Contains("(180 MW-months lost in all)", text, StringComparison.Ordinal);
        Assert.Contains("│ enterprise-gb300 │ Enterprise copilots (assumed) │ 5 │ 2028-01 │ 2028-05 │ 70 │ 96.0% │ 5 │", text, StringComparison.Ordinal);
        Assert.Contains("│ eu-sovereign │ EU sovereign AI programme (assumed) │ 5 │ 2028-01 │ 2028-05 │ 50 │ 96.0% │ 5 │", text, StringComparison.Ordinal);
        Assert.Contains("Planned 120 months; 60 the proposal does not change were reused, not re-planned.", text, StringComparison.Ordinal);
        // Only contracts change: the stakes see the same futures and pay the same on every one.
        Assert.Contains("│ stakes │ mean payoff (NPV) │", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_quote_has_the_same_figures_and_the_same_verdict_for_any_thread_count()
    {
        var one = Terminal.Run("quote", Qm.Example, Proposal, "--paths", "300", "--threads", "1", "--json");
        var two = Terminal.Run("quote", Qm.Example, Proposal, "--paths", "300", "--threads", "2", "--json");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Stdout, two.Stdout);
        Schemas.AssertValid("quote", one.Stdout);
        Assert.Contains("\"uniform_fraction\": 0.9", one.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"first_month_short\": \"2028-01\"", one.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"months_reused\": 60", one.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proposal_naming_an_unknown_tenant_is_reported_at_its_line_and_exits_two()
    {
        var bad = Path.Combine(_dir.FullName, "bad.yaml");
        File.WriteAllText(bad, File.ReadAllText(Proposal).Replace("tenant: frontier-lab-a", "tenant: frontier-lab-z", StringComparison.Ordinal));
        var outcome = Terminal.Run("quote", Qm.Example, bad);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.Stdout);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(bad)}:11:13: contract 'lab-a-gb300' names tenant 'frontier-lab-z', which is not in tenants \(did you mean 'frontier-lab-a'\?\)",
            outcome.Stderr);
    }

    [Fact]
    public void Help_shows_a_proposal_and_says_why_the_default_paths()
    {
        var outcome = Terminal.Run("quote", "--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("delay_months", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Paths: 2,000 by default, because", outcome.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
