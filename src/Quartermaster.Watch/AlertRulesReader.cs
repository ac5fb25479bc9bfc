using Quartermaster.Books;
using Quartermaster.Books.Yaml;

namespace Quartermaster.Watch;

/// <summary>
/// Reads an alert rules file (YAML; docs/deals.md): <c>rules:</c>, a list of <c>{name, when}</c> where
/// <c>when</c> is an <see cref="AlertRule"/>. Strict, through the books' YAML reader: aliases, tags, unknown keys,
/// a rule outside the grammar, a threshold in the wrong unit and duplicate names are errors at their line and column.
/// </summary>
public static class AlertRulesReader
{
    private const string Document = "an alert rules file";

    /// <summary>The rules in the file at <paramref name="path"/>, or the errors that stop it being read.</summary>
    public static (IReadOnlyList<AlertRule> Rules, IReadOnlyList<BookError> Errors) ReadFile(string path)
    {
        var errors = new List<BookError>();
        return TextFile.Read(path, 1 << 20, Document, errors) is { } text ? ReadText(text, path) : ([], errors);
    }

    /// <summary>The rules in <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static (IReadOnlyList<AlertRule> Rules, IReadOnlyList<BookError> Errors) ReadText(string text, string file)
    {
        var errors = new BookErrorList(file);
        var rules = new List<AlertRule>();
        if (YamlTreeReader.ReadText(text, errors, Document, "rules: a list of {name, when}") is { } root
            && new MappingReader(root, "the alert rules file", errors, "rules").List("rules", required: true) is { } list)
        {
            foreach (var item in list.Items)
            {
                var mapping = new MappingReader(item, "a rule", errors, "name", "when");
                var name = mapping.Text("name", required: false);
                if (mapping.Text("when", required: true) is not { } condition)
                {
                    continue;
                }
                if (!AlertRule.TryParse(condition, name, out var rule, out var error))
                {
                    errors.Add(mapping.Node("when", required: false)!, error!);
                    continue;
                }
                if (rules.Any(r => r.Name == rule!.Name))
                {
                    errors.Add(item, $"two rules are named '{rule!.Name}'; give each its own name");
                    continue;
                }
                rules.Add(rule!);
            }
        }
        return errors.IsEmpty ? (rules, []) : ([], errors.Sorted());
    }
}
