using System.CommandLine;
using System.CommandLine.Completions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// Every typed option of every command (found by walking the command tree, not listed by hand) refuses values
/// that do not parse or are out of range with one line naming the option and what it expects, and exit 2.
/// </summary>
public class OptionValueTests
{
    private static readonly string[] Garbage = ["ten", "abc", "1e12", "1e3", "NaN", "-Infinity", "99999999999999999999999", "", "-5", "0x10", "1_000", "2\n3"];

    /// <summary>Every option taking a number or one of a few words, as (command path, option name).</summary>
    public static TheoryData<string, string> TypedOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, command) in Commands(Root(), ""))
        {
            foreach (var option in command.Options.Where(IsTyped))
            {
                data.Add(path, option.Name);
            }
        }
        return data;
    }

    [Fact]
    public void The_walk_finds_the_options_of_the_issue_and_every_command()
    {
        var found = TypedOptions().Select(row => $"{row[0]} {row[1]}").ToList();
        Assert.Superset(new HashSet<string> { "gen --sites", "gen --shortage", "stress --paths", "stress --threads", "stress --chunk", "stress --seed",
            "stress --policy", "quote --paths", "quote --threads", "report --paths", "deals timeline --by", "keys create --role", "serve --rate-limit" }, found.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public void A_value_that_does_not_parse_is_one_line_naming_the_option_and_exit_two(string commandPath, string optionName)
    {
        var (_, command) = Commands(Root(), "").Single(c => c.Path == commandPath);
        foreach (var value in Garbage)
        {
            var args = commandPath.Split(' ').Concat(PlaceholdersFor(command, except: optionName)).Append(optionName).Append(value).ToArray();

            var outcome = Terminal.Run(args);

            var shown = string.Join(' ', args);
            Assert.True(outcome.ExitCode == 2, $"qm {shown}: exit {outcome.ExitCode}, stderr {outcome.Stderr}");
            Assert.Empty(outcome.Stdout);
            var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"qm {shown}: {lines.Length} lines on stderr:\n{outcome.Stderr}");
            Assert.StartsWith($"qm {commandPath}: {optionName} expects ", lines[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("gen --sites ten", "qm gen: --sites expects a whole number from 1 to 100000; got 'ten'")]
    [InlineData("stress BOOK --paths 1e12", "qm stress: --paths expects a whole number from 1 to 100000000; got '1e12'")]
    [InlineData("stress BOOK --paths abc", "qm stress: --paths expects a whole number from 1 to 100000000; got 'abc'")]
    [InlineData("stress BOOK --threads abc", "qm stress: --threads expects a whole number from 1 to 1024; got 'abc'")]
    [InlineData("stress BOOK --chunk 1e3", "qm stress: --chunk expects a whole number from 1 to 100000000; got '1e3'")]
    [InlineData("gen --shortage NaN", "qm gen: --shortage expects a number above 0 and at most 100; got 'NaN'")]
    [InlineData("plan BOOK --policy max-mn", "qm plan: --policy expects one of max-min, pro-rata, weighted, revenue-max, favour-stakes; got 'max-mn' (did you mean 'max-min'?)")]
    public void The_values_of_the_issue_get_these_exact_lines(string args, string line)
    {
        var outcome = Terminal.Run(args.Replace("BOOK", Qm.Example, StringComparison.Ordinal).Split(' '));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(line + "\n", outcome.Stderr);
    }

    private static RootCommand Root() => Program.CreateRoot(new CliContext(new TestConsole(), new TestConsole(), new FakeTimeProvider()));

    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
            yield return (subPath, sub);
            foreach (var nested in Commands(sub, subPath))
            {
                yield return nested;
            }
        }
    }

    // Numbers, and words from a fixed list: the options whose values can fail to parse. Flags and free text cannot.
    private static bool IsTyped(Option option) =>
        option.ValueType != typeof(bool) && (option.ValueType != typeof(string) || Choices(option).Count > 0);

    private static List<string> Choices(Option option) => option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();

    // Valid stand-ins for required arguments and options, so the only error is the one under test.
    private static IEnumerable<string> PlaceholdersFor(Command command, string except)
    {
        foreach (var argument in command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0))
        {
            yield return "placeholder";
        }
        foreach (var option in command.Options.Where(o => o.Required && o.Name != except))
        {
            yield return option.Name;
            yield return Choices(option).FirstOrDefault() ?? "placeholder";
        }
    }
}
