namespace Quartermaster.Watch.Tests;

/// <summary>The rules and rivalries files are read by the books' strict YAML reader: same refusals, same messages.</summary>
public class WatchYamlTests
{
    [Fact]
    public void An_alias_in_a_rules_file_is_refused_at_its_position()
    {
        var (rules, errors) = AlertRulesReader.ReadText("rules:\n  - &first\n    when: labs > 1\n  - *first\n", "a.yaml");
        Assert.Empty(rules);
        var error = Assert.Single(errors);
        Assert.Equal("a.yaml:4:5: aliases (*first) are not allowed in an alert rules file; write the value out", error.ToString());
    }

    [Fact]
    public void An_alias_in_a_rivalries_file_is_refused_at_its_position()
    {
        const string text = "groups:\n  - id: a\n    labs: &labs [OpenAI, Anthropic]\n  - id: b\n    labs: *labs\n";
        var (groups, errors) = RivalriesReader.ReadText(text, "r.yaml");
        Assert.Empty(groups);
        var error = Assert.Single(errors);
        Assert.Equal("r.yaml:5:11: aliases (*labs) are not allowed in a rivalries file; write the value out", error.ToString());
    }

    [Theory]
    [InlineData("rules:\n  - name: busy\n    whn: labs > 1\n",
        "a.yaml:2:5: missing key 'when' in a rule",
        "a.yaml:3:5: unknown key 'whn' in a rule (did you mean 'when'?); expected one of name, when")]
    [InlineData("group:\n  - id: a\n    labs: [OpenAI, Anthropic]\n",
        "a.yaml:1:1: missing key 'groups' in the rivalries file",
        "a.yaml:1:1: unknown key 'group' in the rivalries file (did you mean 'groups'?); expected one of groups")]
    public void An_unknown_key_gets_a_suggestion_and_the_missing_key_is_named(string text, string missing, string unknown)
    {
        var errors = text.StartsWith("rules", StringComparison.Ordinal)
            ? AlertRulesReader.ReadText(text, "a.yaml").Errors
            : RivalriesReader.ReadText(text, "a.yaml").Errors;
        Assert.Equal([missing, unknown], errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("rules:\n  - when: labs > 1\n---\nrules:\n  - when: labs > 2\n", 3, 1, "an alert rules file holds one YAML document")]
    [InlineData("rules:\n  - !!python/object when: labs > 1\n", 2, 5, "YAML tags (tag:yaml.org,2002:python/object) are not allowed in an alert rules file")]
    [InlineData("rules:\n  - when: labs > 1\n    when: labs > 2\n", 3, 5, "duplicate key 'when' (first at line 2)")]
    [InlineData("", 1, 1, "the file is empty; expected rules: a list of {name, when}")]
    public void Rules_files_refuse_what_books_refuse(string text, int line, int column, string message)
    {
        var (_, errors) = AlertRulesReader.ReadText(text, "a.yaml");
        var error = Assert.Single(errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lab_repeated_in_another_case_is_refused_at_the_repeat()
    {
        var (_, errors) = RivalriesReader.ReadText("groups:\n  - id: a\n    labs: [OpenAI, Anthropic, openai]\n", "r.yaml");
        Assert.Equal("r.yaml:3:31: 'labs' in a rivalry group: 'openai' is listed twice", Assert.Single(errors).ToString());
    }
}
