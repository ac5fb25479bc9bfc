using System.Text.Json;

namespace Quartermaster.Cli.Tests;

/// <summary>show, gen, usage errors and help, run in-process as a user would type them.</summary>
public class CommandLineTests
{
    [Fact]
    public void Show_json_reports_capacity_by_tenant_and_the_first_shortage_month()
    {
        var outcome = Terminal.Run("show", Qm.Example, "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var root = json.RootElement;
        var capacity = root.GetProperty("capacity");
        Assert.Equal("2027-01", capacity.GetProperty("first_shortage_month").GetString());
        Assert.Equal(120, capacity.GetProperty("months").GetArrayLength());
        var labB = capacity.GetProperty("committed_mw_by_tenant").EnumerateArray().Single(t => t.GetProperty("tenant_id").GetString() == "frontier-lab-b");
        Assert.Equal(5000, labB.GetProperty("mw")[119].GetDouble());
        Assert.Equal(1850, capacity.GetProperty("online_mw")[0].GetDouble());
    }

    [Fact]
    public void Show_prints_tables_for_people()
    {
        var outcome = Terminal.Run("show", Qm.Example);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Commitments first exceed online capacity in 2027-01", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("new-carlisle", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Gen_is_deterministic_for_a_seed_and_writes_a_valid_book()
    {
        var first = Terminal.Run("gen", "--sites", "12", "--tenants", "5", "--contracts", "9", "--months", "36", "--seed", "9");
        var second = Terminal.Run("gen", "--sites", "12", "--tenants", "5", "--contracts", "9", "--months", "36", "--seed", "9");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);

        var path = Path.Combine(Path.GetTempPath(), $"qm-gen-{Guid.NewGuid():N}.yaml");
        try
        {
            Assert.Equal(0, Terminal.Run("gen", "--sites", "500", "--tenants", "50", "--contracts", "200", "--months", "120", "--out", path).ExitCode);
            var validate = Terminal.Run("validate", path);
            Assert.Equal(0, validate.ExitCode);
            Assert.Contains("valid (500 sites, 50 tenants, 200 contracts, 120 months)", validate.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("valdate", "validate")]
    [InlineData("gen --sites 0", "qm gen: --sites expects a whole number from 1 to 100000; got '0'")]
    [InlineData("gen --shortage -1", "qm gen: --shortage expects a number above 0 and at most 100; got '-1'")]
    [InlineData("show", "Required argument missing")]
    public void Usage_errors_exit_two_with_a_message_on_stderr(string args, string message)
    {
        var outcome = Terminal.Run(args.Split(' '));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(outcome.Stdout);
    }

    [Fact]
    public void A_missing_book_file_is_bad_input_not_a_crash()
    {
        var outcome = Terminal.Run("show", "no-such-book.yaml");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("no-such-book.yaml:1:1: no such file", outcome.Stderr.Trim());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("validate --help")]
    [InlineData("stress --help")]
    [InlineData("keys create --help")]
    [InlineData("show --help")]
    [InlineData("gen --help")]
    [InlineData("export --help")]
    [InlineData("import --help")]
    [InlineData("template --help")]
    [InlineData("diff --help")]
    public void Every_command_explains_itself_with_an_example(string args)
    {
        var outcome = Terminal.Run(args.Split(' '));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("qm ", outcome.Stdout, StringComparison.Ordinal);
    }
}
