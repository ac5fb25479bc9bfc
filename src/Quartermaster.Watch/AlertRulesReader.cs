using Quartermaster.Books;
using Quartermaster.Watch.Yaml;

namespace Quartermaster.Watch;

/// <summary>
/// Reads an alert rules file (YAML; docs/deals.md): <c>rules:</c>, a list of <c>{name, when}</c> where
/// <c>when</c> is an <see cref="AlertRule"/>. Strict: unknown keys, a rule outside the grammar, a threshold
/// in the wrong unit and duplicate names are errors at their line and column.
/// </summary>
public static class AlertRulesReader
{
    /// <summary>The rules in the file at <paramref name="path"/>, or the errors that stop it being read.</summary>
    public static (IReadOnlyList<AlertRule> Rules, IReadOnlyList<BookError> Errors) ReadFile(string path)
    {
        var errors = new List<BookError>();
        return TextFile.Read(path, 1 << 20, "an alert rules file", errors) is { } text ? ReadText(text, path) : ([], errors);
    }

    /// <summary>The rules in <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static (IReadOnlyList<AlertRule> Rules, IReadOnlyList<BookError> Errors) ReadText(string text, string file)
    {
        var errors = new List<BookError>();
        var yaml = new YamlInput(file, errors);
        var rules = new List<AlertRule>();
        if (yaml.Load(text) is { } root && yaml.Mapping(root, "the alert rules file", "rules") is { } top
            && yaml.Get(top, "rules", "the alert rules file", required: true) is { } node && yaml.List(node, "'rules'") is { } list)
        {
            foreach (var item in list.Children)
            {
                if (yaml.Mapping(item, "a rule", "name", "when") is not { } mapping)
                {
                    continue;
                }
                var name = yaml.Get(mapping, "name", "a rule", false) is { } nameNode ? yaml.Text(nameNode, "'name'") : null;
                if (yaml.Get(mapping, "when", "a rule", true) is not { } when || yaml.Text(when, "'when'") is not { } condition)
                {
                    continue;
                }
                if (!AlertRule.TryParse(condition, name, out var rule, out var error))
                {
                    yaml.Error(when, error!);
                    continue;
                }
                if (rules.Any(r => r.Name == rule!.Name))
                {
                    yaml.Error(item, $"two rules are named '{rule!.Name}'; give each its own name");
                    continue;
                }
                rules.Add(rule!);
            }
        }
        return errors.Count == 0 ? (rules, []) : ([], [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }
}
