using Quartermaster.Books;
using Quartermaster.Books.Yaml;

namespace Quartermaster.Watch;

/// <summary>
/// Reads a rivalries file (YAML; docs/deals.md): <c>groups:</c>, a list of <c>{id, name, labs: [..]}</c>.
/// Strict, through the books' YAML reader: aliases, tags, unknown keys, missing keys, fewer than two labs,
/// repeated labs and duplicate ids are errors with positions.
/// </summary>
public static class RivalriesReader
{
    private const string Document = "a rivalries file";

    /// <summary>The groups in the file at <paramref name="path"/>, or the errors that stop it being read.</summary>
    public static (IReadOnlyList<LabRivalryGroup> Groups, IReadOnlyList<BookError> Errors) ReadFile(string path)
    {
        var errors = new List<BookError>();
        return TextFile.Read(path, 1 << 20, Document, errors) is { } text ? ReadText(text, path) : ([], errors);
    }

    /// <summary>The groups in <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static (IReadOnlyList<LabRivalryGroup> Groups, IReadOnlyList<BookError> Errors) ReadText(string text, string file)
    {
        var errors = new BookErrorList(file);
        var groups = new List<LabRivalryGroup>();
        if (YamlTreeReader.ReadText(text, errors, Document, "groups: a list of {id, name, labs}") is { } root
            && new MappingReader(root, "the rivalries file", errors, "groups").List("groups", required: true) is { } list)
        {
            foreach (var item in list.Items)
            {
                var group = new MappingReader(item, "a rivalry group", errors, "id", "name", "labs");
                var id = group.Id("id", required: true);
                var name = group.Text("name", required: false) ?? id;
                // Labs are matched to the deals' counterparty column ignoring case, so a lab twice in any case is a repeat.
                var labs = group.TextList("labs", required: true, StringComparer.OrdinalIgnoreCase, minCount: 2);
                if (id is null || name is null || labs is null)
                {
                    continue;
                }
                if (groups.Any(g => g.Id == id))
                {
                    errors.Add(item, $"duplicate group id '{id}'");
                    continue;
                }
                groups.Add(new LabRivalryGroup(id, name, labs));
            }
        }
        return errors.IsEmpty ? (groups, []) : ([], errors.Sorted());
    }
}
