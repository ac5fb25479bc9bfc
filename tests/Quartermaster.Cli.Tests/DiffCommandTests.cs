namespace Quartermaster.Cli.Tests;

/// <summary><c>qm diff</c> run in process on the example and an edited copy of it.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-diff-");

    private string Edited()
    {
        var path = Path.Combine(_dir.FullName, "edited.yaml");
        var text = File.ReadAllText(Qm.Example);
        Assert.Contains("    price: $575K/MW-month\n", text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace("    price: $575K/MW-month\n", "    price: $500K/MW-month\n", StringComparison.Ordinal)
            .Replace("      2027-07: 2 GW\n", "      2027-07: 2.5 GW\n", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void A_changed_price_and_ramp_are_listed_with_the_fill_ratios_and_revenue_they_move()
    {
        var outcome = Terminal.Run("diff", Qm.Example, Edited());
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("contract: 1 changed.", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("│ contract │ lab-a-2gw │ changed │ price │ $575K/MW-month", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("2027-07: 2 GW │ 2026-07: 500 MW, 2027-01: 1 GW, 2027-07: 2.5 GW", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fill ratios that moved (168 contract-months)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("│ lab-a-2gw │ frontier-lab-a │ 84", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Risk on common random numbers", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_stress_the_paired_risk_delta_is_reported_and_a_book_against_itself_has_none()
    {
        var stressed = Terminal.Run("diff", Qm.Example, Edited(), "--stress", "--paths", "500");
        Assert.Equal(0, stressed.ExitCode);
        Assert.Contains("Risk on common random numbers", stressed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Paired change of mean payoff, operating book:", stressed.Stdout, StringComparison.Ordinal);
        // Only contract terms changed: the stakes see the same futures and pay the same on every one.
        Assert.Contains("Paired change of mean payoff, stakes: $0 (95% CI $0 to $0)", stressed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Paired change of mean payoff, total:", stressed.Stdout, StringComparison.Ordinal);

        var same = Terminal.Run("diff", Qm.Example, Qm.Example, "--stress", "--paths", "300");
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("No change from", same.Stdout, StringComparison.Ordinal);
        foreach (var line in new[] { "operating book", "stakes", "total" })
        {
            Assert.Contains($"Paired change of mean payoff, {line}: $0 (95% CI $0 to $0); the new book does better in 0.0% of futures.", same.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_broken_book_is_bad_input()
    {
        var broken = Path.Combine(_dir.FullName, "broken.yaml");
        File.WriteAllText(broken, "book: x\n");
        var outcome = Terminal.Run("diff", Qm.Example, broken);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("broken.yaml:1:1:", outcome.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
